import { AccountStateError } from '../../errors';
import { canonicalEmail } from '../../email-address';
import { lockEnd } from '../../lockout';
import { PENDING_TOKEN_ATTRIBUTE, type Account, type LetterAddress, type RequestKind } from '../../model';
import type { AccountStore, AuditLog, Clock, CodeFactorStore, FactorStore, LimitStore, RequestStore } from '../../ports';

export interface AccountStatusDeps {
  accounts: AccountStore;
  requests: RequestStore;
  limits: LimitStore;
  factors: FactorStore;
  codeFactors: CodeFactorStore;
  audit: AuditLog;
  clock: Clock;
}

/** What became of a request the account points to, judged as its link would be. */
type RequestState = 'pending' | 'completing' | 'expired' | 'used' | 'voided' | 'replaced' | 'missing';

export interface RequestView {
  state: RequestState;
  /** The address its emails went to. */
  email?: string;
  createdAt?: string;
  expiresAt?: string;
  wrongPasscodes?: number;
}

/** The account's second factors as ops may see them: counts and dates, never a secret or hash. */
export interface SecondFactorsView {
  /** `pending` while a set-up waits for its first code (not a factor yet). */
  authenticator?: { state: 'set up' | 'pending'; addedAt: string; lastUsedAt?: string };
  passkeys: { count: number; lastAddedAt?: string; lastUsedAt?: string };
  recoveryCodes?: { left: number; issuedAt: string; lastUsedAt?: string };
}

/** An account as ops may see it: every state and date, never a hash, token or sealed password. */
export interface AccountStatus {
  loginId: string;
  state: 'invited' | 'pending registration' | 'registered';
  createdAt: string;
  letter?: LetterAddress;
  /** Invited only. */
  initialPassword?: { expiresAt?: string; expired: boolean };
  /** Invited only: whether a letter for the current initial password is still to be produced. */
  letterToPrint?: { issuedAt: string; importRun?: string };
  registration?: RequestView;
  email?: string;
  registeredAt?: string;
  passwordReset?: RequestView;
  emailChange?: RequestView;
  lockedUntil: { firstLogin?: string; login?: string };
  disabled?: Account['disabled'];
  lastLoginAt?: string;
  previousLoginAt?: string;
  /** The inactivity rule's warning of this idle period (a sign-in removes it). */
  inactivityWarnedAt?: string;
  /** The last ops enable: the inactivity rule counts from it. */
  enabledAt?: string;
  /** Registered only. */
  secondFactors?: SecondFactorsView;
}

/** Who to look up: a login ID, or the email a registered account logs in with. */
export type AccountRef = { loginId: string } | { email: string };

async function requestView(kind: RequestKind, account: Account, deps: AccountStatusDeps, now: string): Promise<RequestView | undefined> {
  const tokenHash = account[PENDING_TOKEN_ATTRIBUTE[kind]];
  if (!tokenHash) return undefined;
  const request = await deps.requests.get(tokenHash);
  if (!request) return { state: 'missing' };
  const facts = {
    email: request.email,
    createdAt: request.createdAt,
    expiresAt: request.expiresAt,
    wrongPasscodes: request.wrongPasscodes,
  };
  const state: RequestState =
    request.status === 'used' || request.status === 'voided'
      ? request.status
      : kind === 'passwordReset' && request.email !== account.email
        ? 'replaced'
        : request.expiresAt <= now
          ? 'expired'
          : request.status;
  return { state, ...facts };
}

const newest = (times: (string | undefined)[]) =>
  times
    .filter((t): t is string => !!t)
    .sort()
    .at(-1);

async function secondFactorsView(loginId: string, deps: AccountStatusDeps): Promise<SecondFactorsView> {
  const [records, authenticator, codes] = await Promise.all([
    deps.factors.listOf(loginId),
    deps.codeFactors.authenticatorOf(loginId),
    deps.codeFactors.recoveryCodesOf(loginId),
  ]);
  const passkeys = records.filter((r) => r.kind === 'passkey');
  return {
    ...(authenticator && {
      authenticator: {
        state: authenticator.confirmedAt ? 'set up' : 'pending',
        addedAt: authenticator.confirmedAt ?? authenticator.addedAt,
        ...(authenticator.lastUsedAt && { lastUsedAt: authenticator.lastUsedAt }),
      },
    }),
    passkeys: {
      count: passkeys.length,
      ...(passkeys.length > 0 && { lastAddedAt: newest(passkeys.map((p) => p.addedAt)) }),
      ...(newest(passkeys.map((p) => p.lastUsedAt)) && { lastUsedAt: newest(passkeys.map((p) => p.lastUsedAt)) }),
    },
    ...(codes && {
      recoveryCodes: { left: codes.codeHashes.length, issuedAt: codes.addedAt, ...(codes.lastUsedAt && { lastUsedAt: codes.lastUsedAt }) },
    }),
  };
}

/**
 * Ops `status`: an account's state for the support desk — invited (with the initial password's
 * expiry and whether its letter is still to be printed), pending registration (its expiry and
 * wrong passcodes, from the request the account points to), registered; locks, disabled, logins,
 * pending password reset and email change. Nothing secret leaves: the view is built field by
 * field from what may be shown.
 * 1. The account is found by login ID, or by the email a registered account logs in with; when
 *    there is none, the look-up is audited and refused.
 * 2. The requests the account points to are read and judged as their links would be (the
 *    registration while invited; the password reset and email change once registered), with the
 *    end of each lock (first login by login ID, login by email).
 * 3. A registered account's second factors are read: the app (set up or pending), how many
 *    passkeys, how many recovery codes are left, with their dates.
 * 4. The view is built; the look-up is audited with the operator.
 */
export async function accountStatus(ref: AccountRef, by: { operator: string }, deps: AccountStatusDeps): Promise<AccountStatus> {
  const account = 'email' in ref ? await deps.accounts.findByEmail(canonicalEmail(ref.email)) : await deps.accounts.get(ref.loginId);
  const named = 'email' in ref ? { email: ref.email } : { loginId: ref.loginId };
  if (!account) {
    deps.audit.record({ event: 'account.viewed', outcome: 'failure', ...named, reason: 'no such account', operator: by.operator });
    throw new AccountStateError(
      'loginId' in ref ? ref.loginId : '',
      'email' in ref
        ? `No account logs in with ${ref.email}. (An address still awaiting its registration is not the account's yet: look the merchant up by login ID.)`
        : `No account ${ref.loginId}.`,
    );
  }

  const now = deps.clock.now();
  const nowIso = now.toISOString();
  const invited = account.status === 'invited';
  const [registration, passwordReset, emailChange, firstLoginLock, loginLock, secondFactors] = await Promise.all([
    invited ? requestView('registration', account, deps, nowIso) : undefined,
    invited ? undefined : requestView('passwordReset', account, deps, nowIso),
    invited ? undefined : requestView('emailChange', account, deps, nowIso),
    lockEnd(deps.limits, 'first-login', account.loginId, now),
    account.email ? lockEnd(deps.limits, 'login', account.email, now) : undefined,
    invited ? undefined : secondFactorsView(account.loginId, deps),
  ]);
  const pendingRegistration = registration?.state === 'pending' || registration?.state === 'completing';

  const status: AccountStatus = {
    loginId: account.loginId,
    state: invited ? (pendingRegistration ? 'pending registration' : 'invited') : 'registered',
    createdAt: account.createdAt,
    ...(account.letter && { letter: { ...account.letter } }),
    ...(invited && {
      initialPassword: {
        expiresAt: account.initialPasswordExpiresAt,
        expired: !!account.initialPasswordExpiresAt && account.initialPasswordExpiresAt <= nowIso,
      },
    }),
    ...(invited &&
      account.pendingLetter && {
        letterToPrint: {
          issuedAt: account.pendingLetter.issuedAt,
          ...(account.pendingLetter.importRun && { importRun: account.pendingLetter.importRun }),
        },
      }),
    ...(registration && { registration }),
    ...(account.email && { email: account.email }),
    ...(account.registeredAt && { registeredAt: account.registeredAt }),
    ...(passwordReset && { passwordReset }),
    ...(emailChange && { emailChange }),
    lockedUntil: {
      ...(firstLoginLock && { firstLogin: firstLoginLock.toISOString() }),
      ...(loginLock && { login: loginLock.toISOString() }),
    },
    ...(account.disabled && { disabled: { at: account.disabled.at, by: account.disabled.by, reason: account.disabled.reason } }),
    ...(account.lastLoginAt && { lastLoginAt: account.lastLoginAt }),
    ...(account.previousLoginAt && { previousLoginAt: account.previousLoginAt }),
    ...(account.inactivityWarnedAt && { inactivityWarnedAt: account.inactivityWarnedAt }),
    ...(account.enabledAt && { enabledAt: account.enabledAt }),
    ...(secondFactors && { secondFactors }),
  };
  deps.audit.record({ event: 'account.viewed', outcome: 'success', loginId: account.loginId, operator: by.operator });
  return status;
}
