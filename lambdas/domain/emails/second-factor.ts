import { japanDateTime } from '../japan-time';
import type { Email } from '../ports';
import type { MailWording } from './common';
import { accountNotice as notice } from './notices';

/** What a merchant calls each second factor in the notices. */
export type FactorName = '認証アプリ' | 'リカバリーコード';

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

/** A passkey added: a merchant who did not add it learns that someone can sign in as them. */
export const passkeyAddedEmail = (to: string, name: string, at: string, w: MailWording): Email =>
  notice(to, w, 'お客様サポートWEB パスキー登録のお知らせ', [
    'お客様サポートWEBにパスキーが登録されました。',
    '',
    `パスキーの名前 : ${name}`,
    `登録日時 : ${japanDateTime(at)}`,
  ]);

/** A passkey deleted: it no longer signs in. */
export const passkeyDeletedEmail = (to: string, name: string, at: string, w: MailWording): Email =>
  notice(to, w, 'お客様サポートWEB パスキー削除のお知らせ', [
    'お客様サポートWEBからパスキーが削除されました。',
    '',
    `パスキーの名前 : ${name}`,
    `削除日時 : ${japanDateTime(at)}`,
  ]);
