import type { Account } from '../../../lambdas/domain/model';
import type { Email } from '../../../lambdas/domain/ports';
import { hashPassword } from '../../../lambdas/domain/password-hash';
import type { MailWording } from '../../../lambdas/domain/registration-emails';
import { FakeAccountStore } from './account-store';
import { FakeAudit } from './audit';
import { FakeClock } from './clock';
import { FakeIdentity } from './identity';
import { FakeLimitStore } from './limit-store';
import { FakeMailer } from './mailer';
import { SeededRandom } from './random';
import { FakeRequestStore } from './request-store';
import { FakeSessionStore } from './session-store';

export const SITE_URL = 'https://support.example.jp';
export const PASSCODE_KEY = 'unit-test-passcode-key-0123456789abcdef';

export const WORDING: MailWording = {
  brandName: 'GMOフィナンシャルゲート',
  supportContactName: 'GMOフィナンシャルゲート株式会社 お客様サポートWEB担当',
  supportContactEmail: 'support@example.jp',
  validityMinutes: 24 * 60,
};

/**
 * Every collaborator a use case can ask for, faked, plus the product's numbers. Each use case
 * takes the parts it needs, so one world serves as the deps of all of them.
 */
export function fakeWorld(options: { seed?: string; start?: string } = {}) {
  return {
    accounts: new FakeAccountStore(),
    requests: new FakeRequestStore(),
    sessions: new FakeSessionStore(),
    identity: new FakeIdentity(),
    limits: new FakeLimitStore(),
    lockout: { threshold: 5, lockMinutes: 15 },
    mailRate: { limit: 5, windowMinutes: 60 },
    mailer: new FakeMailer(),
    audit: new FakeAudit(),
    clock: new FakeClock(options.start),
    random: new SeededRandom(options.seed),
    passcodeKey: PASSCODE_KEY,
    siteUrl: SITE_URL,
    wording: { ...WORDING },
    maxPasscodeAttempts: 5,
    historySize: 4,
    sessionIdleMinutes: 30,
    sessionAbsoluteMinutes: 12 * 60,
    initialPasswordValidityDays: 90,
  };
}

export type FakeWorld = ReturnType<typeof fakeWorld>;

/** scrypt costs ~100–300 ms; each test file hashes each initial password once. */
const hashes = new Map<string, Promise<string>>();
export function hashOnce(password: string): Promise<string> {
  let hash = hashes.get(password);
  if (!hash) hashes.set(password, (hash = hashPassword(password)));
  return hash;
}

export const LETTER = { loginId: 'M20250401', initialPassword: 'Hq7#xTk4Wp9=Ny' } as const;

/** An account as ops provision it from a letter: invited, initial password valid 90 days. */
export async function seedInvitedAccount(
  world: FakeWorld,
  overrides: Partial<Account> & { initialPassword?: string } = {},
): Promise<Account> {
  const { initialPassword = LETTER.initialPassword, ...fields } = overrides;
  const now = world.clock.now();
  const account: Account = {
    loginId: LETTER.loginId,
    status: 'invited',
    initialPasswordHash: await hashOnce(initialPassword),
    initialPasswordExpiresAt: new Date(now.getTime() + 90 * 86_400_000).toISOString(),
    passwordHistory: [],
    createdAt: now.toISOString(),
    ...fields,
  };
  world.accounts.seed(account);
  return account;
}

/** What the merchant reads in the two registration emails. */
export interface RegistrationMails {
  urlMail: Email;
  passcodeMail: Email;
  url: string;
  token: string;
  passcode: string;
}

export function readRegistrationMails(urlMail: Email, passcodeMail: Email): RegistrationMails {
  const url = /^https?:\/\/\S+$/m.exec(urlMail.text)?.[0];
  const passcode = /^パスコード : (\d{6})$/m.exec(passcodeMail.text)?.[1];
  if (!url || !passcode) throw new Error('the registration emails do not carry a URL and a passcode');
  return { urlMail, passcodeMail, url, token: new URL(url).hash.slice(1), passcode };
}

/** The last two emails sent: the URL mail, then the passcode mail. */
export function lastRegistrationMails(world: FakeWorld): RegistrationMails {
  const [urlMail, passcodeMail] = world.mailer.sent.slice(-2);
  if (!urlMail || !passcodeMail) throw new Error('fewer than two emails were sent');
  return readRegistrationMails(urlMail, passcodeMail);
}

/** Every string anywhere in a value, for "no secret is stored / logged" checks. */
export function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringsIn);
  return [];
}
