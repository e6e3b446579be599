import { japanDateTime } from '../japan-time';
import type { Email } from '../ports';
import { contactFooter, openingLine, subjectLine, type MailWording } from './common';

/** After a password change or reset: so a merchant notices one they did not make. */
export function passwordChangedEmail(to: string, at: string, w: MailWording): Email {
  return {
    to,
    subject: subjectLine(w, 'お客様サポートWEBパスワード変更完了のお知らせ'),
    text: [
      openingLine(w),
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

/** A passkey was added: a merchant who did not add it learns that someone can sign in as them. */
export function passkeyAddedEmail(to: string, name: string, at: string, w: MailWording): Email {
  return passkeyNotice(
    to,
    'パスキー登録のお知らせ',
    'お客様サポートWEBにパスキーが登録されました。',
    name,
    `登録日時 : ${japanDateTime(at)}`,
    w,
  );
}

/** A passkey was deleted: it no longer signs in. */
export function passkeyDeletedEmail(to: string, name: string, at: string, w: MailWording): Email {
  return passkeyNotice(
    to,
    'パスキー削除のお知らせ',
    'お客様サポートWEBからパスキーが削除されました。',
    name,
    `削除日時 : ${japanDateTime(at)}`,
    w,
  );
}

function passkeyNotice(to: string, subject: string, what: string, name: string, when: string, w: MailWording): Email {
  return {
    to,
    subject: subjectLine(w, `お客様サポートWEB ${subject}`),
    text: [
      openingLine(w),
      '',
      what,
      '',
      `パスキーの名前 : ${name}`,
      when,
      '',
      'お客様ご自身による操作の場合は、本メールへの対応は不要です。',
      'お心当たりのない場合は、至急下記お問合せ先までご連絡ください。',
      contactFooter(w),
    ].join('\n'),
  };
}
