import type { ProofWording } from './proof-wording';

/** メールアドレス変更: the proof of the new address. */
export const EMAIL_CHANGE_PROOF: ProofWording = {
  completionPage: 'confirm-email.html',
  subject: 'お客様サポートWEB用メールアドレス変更申請受付のお知らせ',
  urlLead: 'お客様サポートWEBに登録するメールアドレスの変更申請を受け付けいたしました。',
  passcodeLead: 'お客様サポートWEBのメールアドレス変更申請を受け付けいたしました。',
};
