/**
 * What the merchant is told once an email change is complete. Completing it ends no session
 * (complete-email-change.ts): every browser signed in stays signed in, and only the next login
 * takes the new address. So a browser with a session goes home and is told so; one without goes
 * to the login page.
 */
import { hasSession } from './has-session';

export const EMAIL_CHANGED_SIGNED_IN =
  'メールアドレスの変更が完了しました。ログインしたまま続けてご利用いただけます。次回のログインからは、新しいメールアドレスをログインIDとしてご利用ください。';

export const EMAIL_CHANGED_SIGNED_OUT =
  'メールアドレスの変更が完了しました。新しいメールアドレスでログインしてください。ほかの端末でのログインは、そのまま続きます。';

/** Where to go after the change: home when this browser is signed in (asked without counting as a use), else login. */
export async function pageAfterEmailChange(): Promise<string> {
  return (await hasSession()) ? 'home.html?emailChanged=1' : 'index.html?emailChanged=1';
}
