import type { ProofWording } from './proof-wording';

/** パスワード再設定: the proof that the merchant holds the registered email. */
export const PASSWORD_RESET_PROOF: ProofWording = {
  completionPage: 'reset-password.html',
  subject: 'お客様サポートWEBパスワード再設定申請受付のお知らせ',
  urlLead: 'お客様サポートWEBのパスワード再設定の申請を受け付けいたしました。',
  passcodeLead: 'お客様サポートWEBのパスワード再設定の申請を受け付けいたしました。',
};
