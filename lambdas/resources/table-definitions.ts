/**
 * The DynamoDB tables' shape, in plain data: the CDK tables are built from it and the local
 * server creates the same tables in the emulator from it, so key names cannot drift apart.
 * Every key is a string (`S`). Imports nothing from aws-cdk-lib on purpose.
 */
export interface TableDefinition {
  readonly partitionKey: string;
  /** Epoch-seconds attribute after which DynamoDB may delete the item. TTL only cleans up: it can lag for days, so code checks expiry itself. */
  readonly ttlAttribute?: string;
  /** Global secondary indexes, projecting all attributes. */
  readonly indexes?: readonly { readonly name: string; readonly partitionKey: string }[];
}

export const TTL_ATTRIBUTE = 'expiresAtEpoch';
export const ACCOUNTS_BY_EMAIL_INDEX = 'byEmail';
const SESSIONS_BY_LOGIN_ID_INDEX = 'byLoginId';
const FACTORS_BY_LOGIN_ID_INDEX = 'byLoginId';

export const tableDefinitions = {
  /** One item per merchant account, provisioned by ops; found by login ID or by registered email. */
  accounts: {
    partitionKey: 'loginId',
    indexes: [{ name: ACCOUNTS_BY_EMAIL_INDEX, partitionKey: 'email' }],
  },
  /** Pending email registrations, password resets and email changes, keyed by the completion token's hash. */
  requests: { partitionKey: 'tokenHash', ttlAttribute: TTL_ATTRIBUTE },
  /** Signed-in sessions, keyed by the session id's hash. */
  sessions: {
    partitionKey: 'sessionIdHash',
    ttlAttribute: TTL_ATTRIBUTE,
    /** ログイン中の端末 lists the account's sessions; a password change or reset ends every one. */
    indexes: [{ name: SESSIONS_BY_LOGIN_ID_INDEX, partitionKey: 'loginId' }],
  },
  /** Failure counters and locks (lockout) and mail rate windows, keyed by what they limit. */
  limits: { partitionKey: 'limitKey', ttlAttribute: TTL_ATTRIBUTE },
  /**
   * Second factors: the authenticator app and the recovery codes (one item each per account) and
   * each passkey (one item per credential, so a passkey sign-in finds it by its credential ID).
   */
  factors: {
    partitionKey: 'factorKey',
    /** The merchant's list of factors, and ops removing them all. */
    indexes: [{ name: FACTORS_BY_LOGIN_ID_INDEX, partitionKey: 'loginId' }],
  },
  /**
   * Steps in progress that a browser holds by a random id (its hash is the key): the second
   * sign-in step after a correct password, and WebAuthn challenges. Short-lived, single use.
   */
  steps: { partitionKey: 'stepIdHash', ttlAttribute: TTL_ATTRIBUTE },
} as const satisfies Record<string, TableDefinition>;

export type TableKey = keyof typeof tableDefinitions;
