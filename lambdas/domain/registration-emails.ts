import type { Email } from './ports';

/** What the guide's emails say that differs per deployment. */
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
export function registrationUrlEmail(to: string, url: string, w: MailWording): Email {
  return {
    to,
    subject: `【${w.brandName}】お客様サポートWEB用メールアドレス登録申請受付のお知らせ`,
    text: [
      `【${w.brandName}からのお知らせ】`,
      '',
      'お客様サポートWEBに登録するメールアドレス申請を受け付けいたしました。',
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
export function registrationPasscodeEmail(to: string, passcode: string, w: MailWording): Email {
  return {
    to,
    subject: `【${w.brandName}】お客様サポートWEB用メールアドレス登録申請受付のお知らせ(パスコード)`,
    text: [
      `【${w.brandName}からのお知らせ】`,
      '',
      'お客様サポートWEBのメールアドレス登録申請を受け付けいたしました。',
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
