import { randomBytes, scryptSync } from 'node:crypto';
import { simpleWebAuthn } from '../../../lambdas/adapters/webauthn';
import type { Account, Client, RequestKind } from '../../../lambdas/domain/model';
import type { Email } from '../../../lambdas/domain/ports';
import { hashPassword } from '../../../lambdas/domain/password-hash';
import type { MailWording } from '../../../lambdas/domain/emails/common';
import type { MfaPolicy } from '../../../lambdas/domain/mfa-policy';
import { FakeAccountStore } from './account-store';
import { FakeAudit } from './audit';
import { FakeClock } from './clock';
import { FakeCodeFactorStore } from './code-factor-store';
import { FakeIdentity } from './identity';
import { FakeLimitStore } from './limit-store';
import { FakeMailer } from './mailer';
import { SeededRandom } from './random';
import { FakeRequestStore } from './request-store';
import { FakeSessionStore } from './session-store';
import { FakeStepStore } from './step-store';

export const SITE_URL = 'https://support.example.jp';
export const PASSCODE_KEY = 'unit-test-passcode-key-0123456789abcdef';
export const TOTP_KEY = 'unit-test-totp-key-0123456789abcdef01234';

/** The merchant's browser as the sign-ins see it: Chrome on Windows, no device cookie yet. */
export const CLIENT: Client = {
  ip: '203.0.113.7',
  userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36',
};

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
  // One table, three ports: the factors every kind shares, the passkeys' and the code factors' own writes.
  const factors = new FakeCodeFactorStore();
  return {
    accounts: new FakeAccountStore(),
    requests: new FakeRequestStore(),
    sessions: new FakeSessionStore(),
    identity: new FakeIdentity(),
    limits: new FakeLimitStore(),
    factors,
    passkeys: factors,
    ceremonies: simpleWebAuthn,
    codeFactors: factors,
    steps: new FakeStepStore(),
    lockout: { threshold: 5, lockMinutes: 15 },
    mailRate: { limit: 5, windowMinutes: 60 },
    mailer: new FakeMailer(),
    audit: new FakeAudit(),
    clock: new FakeClock(options.start),
    random: new SeededRandom(options.seed),
    passcodeKey: PASSCODE_KEY,
    letterKey: 'unit-test-letter-key-0123456789abcdef0123',
    totpKey: TOTP_KEY,
    mfaPolicy: 'optional' as MfaPolicy,
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
  if (!hash) hashes.set(password, (hash = hashPassword(password, new SeededRandom(password))));
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

/**
 * A scrypt hash in the product's format at the lowest cost: `verifyPassword` takes the cost from
 * the stored hash, so seeded password histories are checked in microseconds, not 200 ms each.
 */
export function quickHash(password: string): string {
  const salt = randomBytes(16);
  const key = scryptSync(password, salt, 32, { N: 16, r: 1, p: 1 });
  return ['scrypt', 16, 1, 1, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export const MERCHANT = { loginId: 'M20250401', email: 'hanako@example.com' } as const;

/** Passwords that meet the policy, newest first: the current one, then the three before it, then one older still. */
export const PASSWORDS = {
  current: 'Vt4!rW9q]Zm2',
  previous: ['Kp8#Lm3$Qx7z', 'Rb5%Tn2&Hy6w', 'Zc3+Jd9-Fs4g'],
  fifthOldest: 'Wq6=Ex1?Ua8k',
  fresh: 'Nh2[Bv7]Yo5t',
} as const;

/**
 * A registered merchant as the first login leaves them: in the accounts table with a history
 * (newest first, the current password first) and in the user directory with the current password.
 */
export function seedRegisteredAccount(
  world: FakeWorld,
  options: { loginId?: string; email?: string; password?: string; earlier?: readonly string[]; account?: Partial<Account> } = {},
): Account & { email: string } {
  const { loginId = MERCHANT.loginId, email = MERCHANT.email, password = PASSWORDS.current, earlier = PASSWORDS.previous } = options;
  const account = {
    loginId,
    status: 'registered' as const,
    email,
    passwordHistory: [password, ...earlier].map(quickHash),
    createdAt: '2025-03-01T00:00:00.000Z',
    registeredAt: '2025-03-02T00:00:00.000Z',
    ...options.account,
  };
  world.accounts.seed(account);
  world.identity.seed({ email, loginId, password });
  return account;
}

/** How a promise settled, so two outcomes can be compared as values. */
export function outcomeOf(attempt: Promise<unknown>): Promise<{ resolved: unknown } | { rejected: unknown }> {
  return attempt.then(
    (resolved) => ({ resolved }),
    (rejected: unknown) => ({ rejected }),
  );
}

/** The error an attempt failed with; fails the test when it succeeded. */
export async function failureOf(attempt: Promise<unknown>): Promise<unknown> {
  const outcome = await outcomeOf(attempt);
  if (!('rejected' in outcome)) throw new Error('expected the attempt to fail, but it succeeded');
  return outcome.rejected;
}

/** The account a request of `kind` is for: invited for a registration, registered otherwise. */
export function seedAccountFor(kind: RequestKind, world: FakeWorld): void {
  if (kind === 'registration') {
    world.accounts.seed({
      loginId: MERCHANT.loginId,
      status: 'invited',
      initialPasswordHash: quickHash('Hq7#xTk4Wp9=Ny'),
      passwordHistory: [],
      createdAt: '2025-03-01T00:00:00.000Z',
    });
  } else {
    seedRegisteredAccount(world);
  }
}
