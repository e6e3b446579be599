import type { ProofWording } from './proof-wording';

/** 初回メールアドレス登録: the first login's proof of the email to register. */
export const REGISTRATION_PROOF: ProofWording = {
  completionPage: 'passcode.html',
  subject: 'お客様サポートWEB用メールアドレス登録申請受付のお知らせ',
  urlLead: 'お客様サポートWEBに登録するメールアドレス申請を受け付けいたしました。',
  passcodeLead: 'お客様サポートWEBのメールアドレス登録申請を受け付けいたしました。',
};
