import { japanDeadline } from '../japan-time';
import type { RequestKind } from '../model';
import type { Email } from '../ports';
import { contactFooter, describeValidity, openingLine, subjectLine, type MailWording } from './common';
import { EMAIL_CHANGE_PROOF } from './email-change';
import { PASSWORD_RESET_PROOF } from './password-reset';
import type { ProofWording } from './proof-wording';
import { REGISTRATION_PROOF } from './registration';

/** The two-email proof: the completion URL (1通目) and the passcode (2通目), for each kind of request. */
const PROOF: Record<RequestKind, ProofWording> = {
  registration: REGISTRATION_PROOF,
  passwordReset: PASSWORD_RESET_PROOF,
  emailChange: EMAIL_CHANGE_PROOF,
};

/** The page each kind's completion URL opens. */
export const COMPLETION_PAGE: Record<RequestKind, string> = {
  registration: REGISTRATION_PROOF.completionPage,
  passwordReset: PASSWORD_RESET_PROOF.completionPage,
  emailChange: EMAIL_CHANGE_PROOF.completionPage,
};

/**
 * How long the request lasts: the guide's 「24時間以内」 and, beside it, the request's own end in
 * Japan time, so a mail read the next day still says whether it works.
 */
const validity = (w: MailWording, expiresAt: string) => `${describeValidity(w.validityMinutes)}以内（${japanDeadline(expiresAt)}）`;

/** 1通目: the completion URL, worded as in the login guide; `expiresAt` is the request's. */
export function completionUrlEmail(kind: RequestKind, to: string, url: string, expiresAt: string, w: MailWording): Email {
  return {
    to,
    subject: subjectLine(w, PROOF[kind].subject),
    text: [
      openingLine(w),
      '',
      PROOF[kind].urlLead,
      '',
      '【ご注意】まだお手続きは完了していません。',
      '',
      '完了のお手続きはこちら：',
      url,
      '',
      '上記のURLにアクセスし、お手続きを完了してください。',
      '',
      `なお、このアドレスの有効期限はお送りしてから ${validity(w, expiresAt)}です。`,
      '有効期限を過ぎた場合は、再度申請を行ってください。',
      contactFooter(w),
    ].join('\n'),
  };
}

/** 2通目: the passcode, worded as in the login guide; `expiresAt` is the request's. */
export function passcodeEmail(kind: RequestKind, to: string, passcode: string, expiresAt: string, w: MailWording): Email {
  return {
    to,
    subject: subjectLine(w, `${PROOF[kind].subject}(パスコード)`),
    text: [
      openingLine(w),
      '',
      PROOF[kind].passcodeLead,
      '',
      '【ご注意】まだお手続きは完了していません。',
      '',
      '別メールにてお知らせしているお手続き完了用URLにアクセス頂き、以下のパスコードを入力の上、お手続きを完了ください。',
      '',
      `パスコード : ${passcode}`,
      '',
      `なお、このパスコードの有効期限はお送りしてから${validity(w, expiresAt)}です。有効期限を過ぎた場合は、再度申請を行ってください。`,
      contactFooter(w),
    ].join('\n'),
  };
}
