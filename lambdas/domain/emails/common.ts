/** What every email shares: the deployment's wording, the opening line and the contact footer. */

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

/** 【GMOフィナンシャルゲート】…, as every subject starts. */
export const subjectLine = (w: MailWording, subject: string) => `【${w.brandName}】${subject}`;

/** The first line of every body. */
export const openingLine = (w: MailWording) => `【${w.brandName}からのお知らせ】`;

export function contactFooter(w: MailWording): string {
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
