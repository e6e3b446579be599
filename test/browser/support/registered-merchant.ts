/**
 * A merchant who has already registered (letter → email → password), made through the API in
 * a second instead of through the screens, for the specs about what comes after registration.
 * The screens of registration itself are tested by clicking (registration-journey and others).
 */
import type { LocalStack } from '../../support/local-stack';
import type { Mailbox } from './mailbox';
import { GOOD_PASSWORD } from './merchant';

export interface RegisteredMerchant {
  /** The letter's login ID (the customer's ID, shown on home). */
  loginId: string;
  /** The registered email: the login ID from now on. */
  email: string;
  password: string;
}

/** POSTs as the site's own pages do: JSON, from the site's origin. Throws on anything but 2xx. */
export async function postApi<T = unknown>(siteUrl: string, path: string, body: unknown): Promise<T> {
  const response = await fetch(new URL(path, siteUrl), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', Origin: new URL(siteUrl).origin },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`POST ${path} answered ${response.status}: ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

/** The raw answer of a POST, for the specs that look at refusals. */
export async function postApiRaw(siteUrl: string, path: string, body: unknown): Promise<Response> {
  return fetch(new URL(path, siteUrl), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', Origin: new URL(siteUrl).origin },
    body: JSON.stringify(body),
  });
}

export async function registerMerchant(
  stack: LocalStack,
  mailbox: Mailbox,
  email: string,
  password: string = GOOD_PASSWORD,
): Promise<RegisteredMerchant> {
  const account = await stack.createAccount();
  await postApi(stack.siteUrl, '/api/first-login', { loginId: account.loginId, initialPassword: account.initialPassword, email });
  const { completionUrl, passcode } = await mailbox.registrationMails(email);
  const token = new URL(completionUrl).hash.slice(1);
  await postApi(stack.siteUrl, '/api/registration/complete', {
    token,
    passcode,
    newPassword: password,
    newPasswordConfirmation: password,
  });
  return { loginId: account.loginId, email, password };
}
