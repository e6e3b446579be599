import { Mailbox } from '../../browser/support/mailbox';
import { appCode } from '../../support/app-code';
import type { LocalStack } from '../../support/local-stack';
import { SiteClient } from './site-client';

export const PASSWORD = 'Kx7#mQ2v!Lp9Rz';

export const tokenOf = (completionUrl: string) => completionUrl.slice(completionUrl.indexOf('#') + 1);

/** A merchant who has registered through the API (letter → email → passcode → password) and is not logged in. */
export async function registeredMerchant(stack: LocalStack, password = PASSWORD) {
  const site = new SiteClient(stack.siteUrl);
  const account = await stack.createAccount();
  const email = `${account.loginId.toLowerCase()}@example.com`;
  await site.post('/api/first-login', { loginId: account.loginId, initialPassword: account.initialPassword, email });
  const mails = await new Mailbox(stack.mailboxUrl).registrationMails(email);
  const done = await site.post('/api/registration/complete', {
    token: tokenOf(mails.completionUrl),
    passcode: mails.passcode,
    newPassword: password,
    newPasswordConfirmation: password,
  });
  if (done.status !== 200) throw new Error(`registration failed: ${JSON.stringify(done.body)}`);
  return { loginId: account.loginId, email, password };
}

/** A browser of its own, logged in. */
export async function loggedIn(stack: LocalStack, email: string, password = PASSWORD): Promise<SiteClient> {
  const site = new SiteClient(stack.siteUrl);
  const answer = await site.post('/api/login', { loginId: email, password });
  if (answer.status !== 200) throw new Error(`login failed: ${JSON.stringify(answer.body)}`);
  return site;
}

/** The code the authenticator app shows, `steps` periods from now. */
export const appCodeOf = appCode;

/**
 * Sets the authenticator app up in a signed-in browser and confirms it with the app's previous
 * code (the next one, now or after, stays free for a sign-in): the set-up's answer, the secret
 * as the app holds it and the recovery codes shown once.
 */
export async function withAuthenticatorApp(site: SiteClient) {
  const setup = await site.post('/api/authenticator/setup', {});
  if (setup.status !== 200) throw new Error(`set-up failed: ${JSON.stringify(setup.body)}`);
  const secret = (setup.body.key as string).replace(/\s/g, '');
  const confirmed = await site.post('/api/authenticator/confirm', { code: await appCodeOf(secret, -1) });
  if (confirmed.status !== 200) throw new Error(`confirmation failed: ${JSON.stringify(confirmed.body)}`);
  return { setup: setup.body, secret, recoveryCodes: confirmed.body.recoveryCodes as string[] };
}
