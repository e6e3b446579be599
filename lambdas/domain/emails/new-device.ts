import { japanDateTime } from '../japan-time';
import type { Email } from '../ports';
import type { MailWording } from './common';
import { accountNotice } from './notices';

/** What the notice tells of the sign-in: as ログイン中の端末 shows it. */
export interface NewDeviceSignIn {
  at: string;
  browser: string;
  os: string;
  /** Approximate (approximate-ip.ts): the merchant recognises their network, no one learns more. */
  ip: string;
}

/**
 * A sign-in from a browser this account has not used before: a merchant who did not sign in
 * learns of it at once, with what to do.
 */
export const newDeviceSignInEmail = (to: string, signIn: NewDeviceSignIn, w: MailWording): Email =>
  accountNotice(
    to,
    w,
    'お客様サポートWEB 新しい端末からのログインのお知らせ',
    [
      'お客様サポートWEBに、これまでにご利用のない端末(ブラウザ)からログインがありました。',
      '',
      `ログイン日時 : ${japanDateTime(signIn.at)}`,
      `ブラウザ / OS : ${signIn.browser} / ${signIn.os}`,
      `IPアドレス : ${signIn.ip}`,
      '',
      'お心当たりのない場合は、次の対応をお願いいたします。',
      '・ログイン後の「パスワード変更」から、パスワードを変更してください。',
      '・ログイン後の「ログイン中の端末」から、お心当たりのない端末をログアウトさせてください。',
    ],
    'ログイン',
  );
