import type { TableKey } from '../resources/table-definitions';
import { type HandlerEntry, routesOf, UNROUTED_ENTRY, UNROUTED_ZONE, type ZoneName } from '../routes';
import type { ScheduledEntry } from '../schedules';

/**
 * What each handler (and the ops command) may touch: the one declaration that both the
 * composition root (./root.ts, which refuses any other call) and the CDK role of each function
 * (lib/constructs/api/grant-needs.ts) are made from. Keyed by every HandlerEntry, so a new route
 * does not compile until its needs are written here.
 */
export type TableAccess = 'read' | 'readWrite' | 'readWriteScan';

/**
 * The DynamoDB actions behind the commands the adapters send: single-item reads and writes, no
 * batches or transactions; Scan only for ops (listing letters to print) and the scheduled jobs
 * (reading every registered account), never for an API handler.
 */
export const TABLE_ACTIONS: Record<TableAccess, readonly string[]> = {
  read: ['GetItem', 'Query'],
  readWrite: ['GetItem', 'Query', 'PutItem', 'UpdateItem', 'DeleteItem'],
  readWriteScan: ['GetItem', 'Query', 'PutItem', 'UpdateItem', 'DeleteItem', 'Scan'],
};

/** Cognito admin API actions the identity adapter sends. */
type UserPoolAction =
  | 'AdminCreateUser'
  | 'AdminDeleteUser'
  | 'AdminGetUser'
  | 'AdminInitiateAuth'
  | 'AdminSetUserPassword'
  | 'AdminUpdateUserAttributes';

export interface Needs {
  readonly tables: Partial<Record<TableKey, TableAccess>>;
  readonly userPoolActions?: readonly UserPoolAction[];
  readonly sendMail?: boolean;
  /** The key of the passcode hash (a Secrets Manager secret on AWS). */
  readonly passcodeKey?: boolean;
  /** The key of authenticator secrets and recovery-code hashes. */
  readonly totpKey?: boolean;
  /** The key that seals initial passwords until their letter is printed: ops only. */
  readonly letterKey?: boolean;
}

export const handlerNeeds: Record<HandlerEntry, Needs> = {
  'first-login': {
    tables: { accounts: 'readWrite', requests: 'readWrite', limits: 'readWrite' },
    sendMail: true,
    passcodeKey: true,
  },
  'registration-status': { tables: { accounts: 'read', requests: 'read' } },
  'complete-registration': {
    tables: { accounts: 'readWrite', requests: 'readWrite' },
    userPoolActions: ['AdminCreateUser', 'AdminGetUser', 'AdminSetUserPassword'],
    passcodeKey: true,
  },
  // Every sign-in may mail the new-browser notice (start-session.ts).
  login: {
    tables: { accounts: 'readWrite', sessions: 'readWrite', limits: 'readWrite', factors: 'read', steps: 'readWrite' },
    userPoolActions: ['AdminInitiateAuth'],
    sendMail: true,
  },
  logout: { tables: { sessions: 'readWrite' } },
  me: { tables: { accounts: 'read', sessions: 'readWrite' } },
  // The idle time: reading it still ends a session past its end (a write).
  'session-time': { tables: { accounts: 'read', sessions: 'readWrite' } },
  'extend-session': { tables: { accounts: 'read', sessions: 'readWrite' } },
  'password-reset': {
    tables: { accounts: 'readWrite', requests: 'readWrite', limits: 'readWrite' },
    sendMail: true,
    passcodeKey: true,
  },
  'password-reset-status': { tables: { accounts: 'read', requests: 'read' } },
  'complete-password-reset': {
    tables: { accounts: 'readWrite', requests: 'readWrite', sessions: 'readWrite' },
    userPoolActions: ['AdminSetUserPassword'],
    sendMail: true,
    passcodeKey: true,
  },
  'change-password': {
    tables: { accounts: 'readWrite', sessions: 'readWrite', limits: 'readWrite' },
    userPoolActions: ['AdminInitiateAuth', 'AdminSetUserPassword'],
    sendMail: true,
  },
  'email-change': {
    tables: { accounts: 'readWrite', requests: 'readWrite', sessions: 'readWrite', limits: 'readWrite' },
    userPoolActions: ['AdminInitiateAuth'],
    sendMail: true,
    passcodeKey: true,
  },
  'email-change-status': { tables: { accounts: 'read', requests: 'read' } },
  'complete-email-change': {
    tables: { accounts: 'readWrite', requests: 'readWrite' },
    userPoolActions: ['AdminUpdateUserAttributes'],
    sendMail: true,
    passcodeKey: true,
  },
  // Passkeys: the factors table holds them, the steps table their challenges.
  'passkey-registration-options': { tables: { accounts: 'read', sessions: 'readWrite', factors: 'readWrite', steps: 'readWrite' } },
  'register-passkey': {
    tables: { accounts: 'read', sessions: 'readWrite', factors: 'readWrite', steps: 'readWrite' },
    sendMail: true,
    totpKey: true,
  },
  passkeys: { tables: { accounts: 'read', sessions: 'readWrite', factors: 'read' } },
  'rename-passkey': { tables: { accounts: 'read', sessions: 'readWrite', factors: 'readWrite' } },
  'delete-passkey': { tables: { accounts: 'read', sessions: 'readWrite', factors: 'readWrite' }, sendMail: true },
  'passkey-proof-options': { tables: { accounts: 'read', sessions: 'readWrite', factors: 'read', steps: 'readWrite' } },
  'passkey-proof': { tables: { accounts: 'read', sessions: 'readWrite', factors: 'readWrite', steps: 'readWrite' } },
  'passkey-login-options': { tables: { steps: 'readWrite' } },
  'passkey-login': { tables: { accounts: 'readWrite', sessions: 'readWrite', factors: 'readWrite', steps: 'readWrite' }, sendMail: true },
  'login-passkey-options': { tables: { factors: 'read', steps: 'readWrite' } },
  'login-passkey': { tables: { accounts: 'readWrite', sessions: 'readWrite', factors: 'readWrite', steps: 'readWrite' }, sendMail: true },
  'second-factor': {
    tables: { accounts: 'readWrite', sessions: 'readWrite', limits: 'readWrite', factors: 'readWrite', steps: 'readWrite' },
    sendMail: true,
    totpKey: true,
  },
  proof: {
    tables: { accounts: 'read', sessions: 'readWrite', limits: 'readWrite' },
    userPoolActions: ['AdminInitiateAuth'],
  },
  factors: { tables: { accounts: 'read', sessions: 'readWrite', factors: 'read' } },
  'authenticator-setup': { tables: { accounts: 'read', sessions: 'readWrite', factors: 'readWrite' }, totpKey: true },
  'authenticator-confirm': {
    tables: { accounts: 'read', sessions: 'readWrite', factors: 'readWrite' },
    sendMail: true,
    totpKey: true,
  },
  'authenticator-remove': { tables: { accounts: 'read', sessions: 'readWrite', factors: 'readWrite' }, sendMail: true },
  'recovery-codes': { tables: { accounts: 'read', sessions: 'readWrite', factors: 'readWrite' }, totpKey: true },
  // ログイン中の端末: the sessions of the account through the login-ID index.
  sessions: { tables: { accounts: 'read', sessions: 'readWrite' } },
  'end-session': { tables: { accounts: 'read', sessions: 'readWrite' } },
  'end-other-sessions': { tables: { accounts: 'read', sessions: 'readWrite' } },
  // The default route answers 404/405 and touches nothing.
  unrouted: { tables: {} },
};

/** What each scheduled job (lambdas/schedules.ts) may touch; no Cognito, no key. */
export const scheduledNeeds: Record<ScheduledEntry, Needs> = {
  // Reads every registered account, records warnings and disables; ends the disabled ones' sessions; mails the warnings.
  'inactive-accounts': { tables: { accounts: 'readWriteScan', sessions: 'readWrite' }, sendMail: true },
};

/**
 * The ops command's needs: what docs/deploy.md asks of the operator's credentials. Scan (ops and
 * the scheduled jobs) and AdminDeleteUser (ops) are given to no API handler.
 */
export const opsNeeds: Needs = {
  tables: { accounts: 'readWriteScan', requests: 'readWrite', sessions: 'readWrite', limits: 'readWrite', factors: 'readWrite' },
  userPoolActions: ['AdminDeleteUser'],
  letterKey: true,
};

const ACCESS_ORDER: readonly TableAccess[] = ['read', 'readWrite', 'readWriteScan'];

/** What several handlers may touch together: a function serving their routes. */
export function unionOf(all: readonly Needs[]): Needs {
  const tables: Partial<Record<TableKey, TableAccess>> = {};
  for (const needs of all)
    for (const [key, access] of Object.entries(needs.tables) as [TableKey, TableAccess][]) {
      const held = tables[key];
      if (!held || ACCESS_ORDER.indexOf(access) > ACCESS_ORDER.indexOf(held)) tables[key] = access;
    }
  const userPoolActions = [...new Set(all.flatMap((needs) => needs.userPoolActions ?? []))].sort();
  const flag = (name: 'sendMail' | 'passcodeKey' | 'totpKey' | 'letterKey') => (all.some((needs) => needs[name]) ? { [name]: true } : {});
  return {
    tables,
    ...(userPoolActions.length ? { userPoolActions } : {}),
    ...flag('sendMail'),
    ...flag('passcodeKey'),
    ...flag('totpKey'),
    ...flag('letterKey'),
  };
}

/** What a zone's routes may touch together (the function's role), the default route's nothing included. */
export function zoneNeeds(zone: ZoneName): Needs {
  const served: HandlerEntry[] = routesOf(zone).map((route) => route.entry);
  if (zone === UNROUTED_ZONE) served.push(UNROUTED_ENTRY);
  return unionOf(served.map((entry) => handlerNeeds[entry]));
}
