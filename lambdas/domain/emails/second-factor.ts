import { japanDateTime } from '../japan-time';
import type { Email } from '../ports';
import { contactFooter, openingLine, subjectLine, type MailWording } from './common';

/** What a merchant calls each second factor in the notices. */
export type FactorName = '認証アプリ' | 'リカバリーコード';

const notice = (to: string, w: MailWording, subject: string, lines: string[]): Email => ({
  to,
  subject: subjectLine(w, subject),
  text: [
    openingLine(w),
    '',
    ...lines,
    '',
    'お客様ご自身による操作の場合は、本メールへの対応は不要です。',
    'お心当たりのない場合は、至急下記お問合せ先までご連絡ください。',
    contactFooter(w),
  ].join('\n'),
});

/** A factor set up: a merchant notices one added by someone else. */
export const factorAddedEmail = (to: string, factor: FactorName, at: string, w: MailWording): Email =>
  notice(to, w, 'お客様サポートWEB 2段階認証の設定完了のお知らせ', [
    `お客様サポートWEBの2段階認証に${factor}が設定されました。`,
    '',
    `設定日時 : ${japanDateTime(at)}`,
  ]);

/** A factor removed (or the codes made anew). */
export const factorRemovedEmail = (to: string, factor: FactorName, at: string, w: MailWording): Email =>
  notice(to, w, 'お客様サポートWEB 2段階認証の設定変更のお知らせ', [
    `お客様サポートWEBの2段階認証から${factor}が削除されました。`,
    '',
    `削除日時 : ${japanDateTime(at)}`,
  ]);

/** A recovery code signed in: with how many are left, so the merchant makes new ones in time. */
export const recoveryCodeUsedEmail = (to: string, at: string, remaining: number, w: MailWording): Email =>
  notice(to, w, 'お客様サポートWEB リカバリーコード使用のお知らせ', [
    'お客様サポートWEBへのログインに、リカバリーコードが使用されました。',
    '',
    `使用日時 : ${japanDateTime(at)}`,
    `残りのリカバリーコード : ${remaining}個`,
    '',
    '残りが少なくなった場合は、ログイン後の「2段階認証の設定」からリカバリーコードを再発行してください。',
  ]);
