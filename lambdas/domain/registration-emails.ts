import { japanDateTime } from './japan-time';
import type { RequestKind } from './model';
import type { Email } from './ports';

/** What the emails say that differs per deployment. */
export interface MailWording {
  brandName: string;
  supportContactName: string;
  supportContactEmail: string;
  validityMinutes: number;
}

/** "24時間" for whole hours, else minutes (tests shorten the validity). */
export function describeValidity(minutes: number): string {
  return minutes % 60 === 0 ? `${minutes / 60}時間` : `${minutes}分`;
}

/** The page each kind's completion URL opens. */
export const COMPLETION_PAGE: Record<RequestKind, string> = {
  registration: 'passcode.html',
  passwordReset: 'reset-password.html',
  emailChange: 'confirm-email.html',
};

/** Per kind: the subject's subject and the sentence that says what was received, in the guide's style. */
const PROOF_WORDING: Record<RequestKind, { subject: string; urlLead: string; passcodeLead: string }> = {
  registration: {
    subject: 'お客様サポートWEB用メールアドレス登録申請受付のお知らせ',
    urlLead: 'お客様サポートWEBに登録するメールアドレス申請を受け付けいたしました。',
    passcodeLead: 'お客様サポートWEBのメールアドレス登録申請を受け付けいたしました。',
  },
  passwordReset: {
    subject: 'お客様サポートWEBパスワード再設定申請受付のお知らせ',
    urlLead: 'お客様サポートWEBのパスワード再設定の申請を受け付けいたしました。',
    passcodeLead: 'お客様サポートWEBのパスワード再設定の申請を受け付けいたしました。',
  },
  emailChange: {
    subject: 'お客様サポートWEB用メールアドレス変更申請受付のお知らせ',
    urlLead: 'お客様サポートWEBに登録するメールアドレスの変更申請を受け付けいたしました。',
    passcodeLead: 'お客様サポートWEBのメールアドレス変更申請を受け付けいたしました。',
  },
};

function contactFooter(w: MailWording): string {
  return [
    '',
    '――――――――――――――――――――',
    '本メールに関するお問合せ先',
    w.supportContactName,
    `メールアドレス : ${w.supportContactEmail}`,
    '※本メールは送信専用です。ご返信いただいてもお答えできません。',
    '※本メールにお心当たりのない場合は、お手数ですが破棄してください。',
  ].join('\n');
}

/** 1通目: the completion URL, worded as in the login guide. */
export function completionUrlEmail(kind: RequestKind, to: string, url: string, w: MailWording): Email {
  return {
    to,
    subject: `【${w.brandName}】${PROOF_WORDING[kind].subject}`,
    text: [
      `【${w.brandName}からのお知らせ】`,
      '',
      PROOF_WORDING[kind].urlLead,
      '',
      '【ご注意】まだお手続きは完了していません。',
      '',
      '完了のお手続きはこちら：',
      url,
      '',
      '上記のURLにアクセスし、お手続きを完了してください。',
      '',
      `なお、このアドレスの有効期限はお送りしてから ${describeValidity(w.validityMinutes)}以内です。`,
      '有効期限を過ぎた場合は、再度申請を行ってください。',
      contactFooter(w),
    ].join('\n'),
  };
}

/** 2通目: the passcode, worded as in the login guide. */
export function passcodeEmail(kind: RequestKind, to: string, passcode: string, w: MailWording): Email {
  return {
    to,
    subject: `【${w.brandName}】${PROOF_WORDING[kind].subject}(パスコード)`,
    text: [
      `【${w.brandName}からのお知らせ】`,
      '',
      PROOF_WORDING[kind].passcodeLead,
      '',
      '【ご注意】まだお手続きは完了していません。',
      '',
      '別メールにてお知らせしているお手続き完了用URLにアクセス頂き、以下のパスコードを入力の上、お手続きを完了ください。',
      '',
      `パスコード : ${passcode}`,
      '',
      `なお、このパスコードの有効期限はお送りしてから${describeValidity(w.validityMinutes)}以内です。有効期限を過ぎた場合は、再度申請を行ってください。`,
      contactFooter(w),
    ].join('\n'),
  };
}

/** Kept for the registration path's callers and tests. */
export const registrationUrlEmail = (to: string, url: string, w: MailWording) => completionUrlEmail('registration', to, url, w);
export const registrationPasscodeEmail = (to: string, passcode: string, w: MailWording) => passcodeEmail('registration', to, passcode, w);

/** After a password change or reset: so a merchant notices one they did not make. */
export function passwordChangedEmail(to: string, at: string, w: MailWording): Email {
  return {
    to,
    subject: `【${w.brandName}】お客様サポートWEBパスワード変更完了のお知らせ`,
    text: [
      `【${w.brandName}からのお知らせ】`,
      '',
      'お客様サポートWEBのパスワードが変更されました。',
      '',
      `変更日時 : ${japanDateTime(at)}`,
      '',
      'お客様ご自身による変更の場合は、本メールへの対応は不要です。',
      'お心当たりのない場合は、至急下記お問合せ先までご連絡ください。',
      contactFooter(w),
    ].join('\n'),
  };
}

/** To the old address after an email change: the merchant learns of a change they did not make. */
export function emailChangedEmail(to: string, newEmailMasked: string, at: string, w: MailWording): Email {
  return {
    to,
    subject: `【${w.brandName}】お客様サポートWEB用メールアドレス変更完了のお知らせ`,
    text: [
      `【${w.brandName}からのお知らせ】`,
      '',
      'お客様サポートWEBのご登録メールアドレス(ログインID)が変更されました。',
      '',
      `変更日時 : ${japanDateTime(at)}`,
      `新しいメールアドレス : ${newEmailMasked}`,
      '',
      '今後、このメールアドレスではログインできません。',
      'お心当たりのない場合は、至急下記お問合せ先までご連絡ください。',
      contactFooter(w),
    ].join('\n'),
  };
}
