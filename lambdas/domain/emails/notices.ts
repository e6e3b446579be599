import { japanDateTime } from '../japan-time';
import type { Email } from '../ports';
import { contactFooter, openingLine, subjectLine, type MailWording } from './common';

/**
 * A notice of a change to the account, so a merchant notices one they did not make: what
 * happened, then what to do if it was not them.
 */
export const accountNotice = (to: string, w: MailWording, subject: string, lines: string[], act = '操作'): Email => ({
  to,
  subject: subjectLine(w, subject),
  text: [
    openingLine(w),
    '',
    ...lines,
    '',
    `お客様ご自身による${act}の場合は、本メールへの対応は不要です。`,
    'お心当たりのない場合は、至急下記お問合せ先までご連絡ください。',
    contactFooter(w),
  ].join('\n'),
});

/** After a password change or reset. */
export const passwordChangedEmail = (to: string, at: string, w: MailWording): Email =>
  accountNotice(
    to,
    w,
    'お客様サポートWEBパスワード変更完了のお知らせ',
    ['お客様サポートWEBのパスワードが変更されました。', '', `変更日時 : ${japanDateTime(at)}`],
    '変更',
  );

/** To the old address after an email change: the merchant learns of a change they did not make. */
export function emailChangedEmail(to: string, newEmailMasked: string, at: string, w: MailWording): Email {
  return {
    to,
    subject: subjectLine(w, 'お客様サポートWEB用メールアドレス変更完了のお知らせ'),
    text: [
      openingLine(w),
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
