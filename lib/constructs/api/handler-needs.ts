import type { RouteEntry } from '../../../lambdas/routes';
import type { TableKey } from '../../../lambdas/resources/table-definitions';

/**
 * What each handler touches, and so what its role may do: least privilege per route.
 * Keyed by every RouteEntry, so a new route does not compile until its needs are written here.
 * Derived from each handler's composition root (lambdas/handlers/<entry>.ts).
 */
export type TableAccess = 'read' | 'readWrite';

export interface HandlerNeeds {
  readonly tables: Partial<Record<TableKey, TableAccess>>;
  /** Cognito admin API actions, without the `cognito-idp:` prefix. */
  readonly userPoolActions?: readonly string[];
  readonly sendMail?: boolean;
  readonly passcodeKey?: boolean;
}

export const handlerNeeds: Record<RouteEntry, HandlerNeeds> = {
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
  login: {
    tables: { accounts: 'readWrite', sessions: 'readWrite', limits: 'readWrite' },
    userPoolActions: ['AdminInitiateAuth'],
  },
  logout: { tables: { sessions: 'readWrite' } },
  me: { tables: { accounts: 'read', sessions: 'readWrite' } },
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
};
