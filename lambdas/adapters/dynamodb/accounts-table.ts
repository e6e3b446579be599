import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, QueryCommand, ScanCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { AccountExistsError } from '../../domain/errors';
import type { IssuedInitialPassword, LetterAddress } from '../../domain/model';
import { PENDING_TOKEN_ATTRIBUTE, type Account, type RequestKind } from '../../domain/model';
import type { AccountStore, InactivityRead, PasswordChange } from '../../domain/ports';
import { tableDefinitions } from '../../resources/table-definitions';

const { partitionKey: KEY, indexes } = tableDefinitions.accounts;
const BY_EMAIL = indexes[0].name;

/** Conditional writes answer "not applied" with an exception; the stores answer false instead. */
export async function applied(write: Promise<unknown>): Promise<boolean> {
  try {
    await write;
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}

export class AccountsTable implements AccountStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async get(loginId: string): Promise<Account | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: { [KEY]: loginId }, ConsistentRead: true }));
    return Item as Account | undefined;
  }

  async findByEmail(email: string): Promise<Account | undefined> {
    const { Items } = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: BY_EMAIL,
        KeyConditionExpression: 'email = :email',
        ExpressionAttributeValues: { ':email': email },
        Limit: 1,
      }),
    );
    return Items?.[0] as Account | undefined;
  }

  async create(account: Account): Promise<void> {
    const created = await applied(
      this.db.send(new PutCommand({ TableName: this.tableName, Item: account, ConditionExpression: `attribute_not_exists(${KEY})` })),
    );
    if (!created) throw new AccountExistsError(account.loginId);
  }

  replacePendingRequest(loginId: string, kind: RequestKind, tokenHash: string): Promise<boolean> {
    return this.conditionalUpdate(loginId, {
      UpdateExpression: `SET ${PENDING_TOKEN_ATTRIBUTE[kind]} = :token`,
      ConditionExpression: '#status = :status AND attribute_not_exists(disabled)',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':token': tokenHash, ':status': kind === 'registration' ? 'invited' : 'registered' },
    });
  }

  completeRegistration(
    loginId: string,
    tokenHash: string,
    changes: { email: string; passwordHistory: string[]; registeredAt: string },
  ): Promise<boolean> {
    return applied(
      this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { [KEY]: loginId },
          UpdateExpression:
            'SET #status = :registered, email = :email, passwordHistory = :history, registeredAt = :at ' +
            'REMOVE pendingTokenHash, initialPasswordHash, initialPasswordExpiresAt',
          ConditionExpression: '#status = :invited AND attribute_not_exists(disabled) AND pendingTokenHash = :token',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':registered': 'registered',
            ':invited': 'invited',
            ':email': changes.email,
            ':history': changes.passwordHistory,
            ':at': changes.registeredAt,
            ':token': tokenHash,
          },
        }),
      ),
    );
  }

  changePassword(loginId: string, { from, to, redeemed }: PasswordChange): Promise<boolean> {
    // The newest hash has its own salt, so it names the history; dynalite compares no whole lists.
    const unchanged = from[0] === undefined ? 'attribute_not_exists(passwordHistory[0])' : 'passwordHistory[0] = :head';
    return this.conditionalUpdate(loginId, {
      UpdateExpression: 'SET passwordHistory = :history',
      ConditionExpression: `#status = :registered AND attribute_not_exists(disabled) AND ${unchanged}${redeemed ? ' AND pendingResetTokenHash = :token' : ''}`,
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: {
        ':history': to,
        ':registered': 'registered',
        ...(from[0] !== undefined && { ':head': from[0] }),
        ...(redeemed && { ':token': redeemed.tokenHash }),
      },
    });
  }

  changeEmail(loginId: string, tokenHash: string, email: string): Promise<boolean> {
    return this.conditionalUpdate(loginId, {
      UpdateExpression: 'SET email = :email REMOVE pendingEmailChangeTokenHash',
      ConditionExpression: '#status = :registered AND attribute_not_exists(disabled) AND pendingEmailChangeTokenHash = :token',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':email': email, ':registered': 'registered', ':token': tokenHash },
    });
  }

  setLetterAddress(loginId: string, letter: LetterAddress): Promise<boolean> {
    // Only on an account that exists: an update would otherwise create an item of an address alone.
    return this.conditionalUpdate(loginId, {
      UpdateExpression: 'SET #letter = :letter',
      ConditionExpression: `attribute_exists(${KEY})`,
      ExpressionAttributeNames: { '#letter': 'letter' },
      ExpressionAttributeValues: { ':letter': letter },
    });
  }

  setDisabled(loginId: string, disabled: NonNullable<Account['disabled']>): Promise<boolean> {
    // Never over an earlier disable: its when, why and by whom stay as they were.
    return this.conditionalUpdate(loginId, {
      UpdateExpression: 'SET disabled = :disabled',
      ConditionExpression: `attribute_exists(${KEY}) AND attribute_not_exists(disabled)`,
      ExpressionAttributeValues: { ':disabled': disabled },
    });
  }

  enable(loginId: string, at: string): Promise<boolean> {
    return this.conditionalUpdate(loginId, {
      UpdateExpression: 'SET enabledAt = :at REMOVE disabled, inactivityWarnedAt',
      ConditionExpression: 'attribute_exists(disabled)',
      ExpressionAttributeValues: { ':at': at },
    });
  }

  reissueInitialPassword(loginId: string, issued: IssuedInitialPassword): Promise<boolean> {
    return this.conditionalUpdate(loginId, {
      UpdateExpression:
        'SET initialPasswordHash = :hash, initialPasswordExpiresAt = :expiresAt, pendingLetter = :letter REMOVE pendingTokenHash',
      ConditionExpression: '#status = :invited',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: {
        ':hash': issued.initialPasswordHash,
        ':expiresAt': issued.initialPasswordExpiresAt,
        ':letter': issued.pendingLetter,
        ':invited': 'invited',
      },
    });
  }

  resetRegistration(loginId: string, email: string, changes: IssuedInitialPassword & { passwordHistory: string[] }): Promise<boolean> {
    return this.conditionalUpdate(loginId, {
      UpdateExpression:
        'SET #status = :invited, initialPasswordHash = :hash, initialPasswordExpiresAt = :expiresAt, pendingLetter = :letter, passwordHistory = :history ' +
        'REMOVE email, registeredAt, pendingTokenHash, pendingResetTokenHash, pendingEmailChangeTokenHash, knownDevices',
      ConditionExpression: '#status = :registered AND email = :email',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: {
        ':invited': 'invited',
        ':registered': 'registered',
        ':email': email,
        ':hash': changes.initialPasswordHash,
        ':expiresAt': changes.initialPasswordExpiresAt,
        ':letter': changes.pendingLetter,
        ':history': changes.passwordHistory,
      },
    });
  }

  async pendingLetters(): Promise<Account[]> {
    const found: Account[] = [];
    let ExclusiveStartKey: Record<string, unknown> | undefined;
    do {
      const page = await this.db.send(
        new ScanCommand({
          TableName: this.tableName,
          FilterExpression: 'attribute_exists(pendingLetter)',
          ExclusiveStartKey,
          ConsistentRead: true,
        }),
      );
      found.push(...((page.Items ?? []) as Account[]));
      ExclusiveStartKey = page.LastEvaluatedKey;
    } while (ExclusiveStartKey);
    return found;
  }

  takeLetter(loginId: string, issuedAt: string): Promise<boolean> {
    return this.conditionalUpdate(loginId, {
      UpdateExpression: 'REMOVE pendingLetter',
      ConditionExpression: 'pendingLetter.issuedAt = :issuedAt',
      ExpressionAttributeValues: { ':issuedAt': issuedAt },
    });
  }

  /**
   * The stored last login moves to previous in the same write that sets this one, so parallel
   * logins each move what the other left and none is lost. The first login has nothing to move:
   * if a parallel one wrote it meanwhile, this one moves that. An account gone is left gone.
   * The same write removes the inactivity warning.
   * The known browsers ride in the same write; of two parallel sign-ins the later list wins, and a
   * browser lost that way only brings one more notice.
   */
  async recordLogin(loginId: string, at: string, knownDevices: string[]): Promise<void> {
    const values = { ExpressionAttributeValues: { ':at': at, ':devices': knownDevices } };
    const moveOn = () =>
      this.conditionalUpdate(loginId, {
        UpdateExpression: 'SET previousLoginAt = lastLoginAt, lastLoginAt = :at, knownDevices = :devices REMOVE inactivityWarnedAt',
        ConditionExpression: 'attribute_exists(lastLoginAt)',
        ...values,
      });
    const first = () =>
      this.conditionalUpdate(loginId, {
        UpdateExpression: 'SET lastLoginAt = :at, knownDevices = :devices REMOVE inactivityWarnedAt',
        ConditionExpression: `attribute_exists(${KEY}) AND attribute_not_exists(lastLoginAt)`,
        ...values,
      });
    if (!(await moveOn()) && !(await first())) await moveOn();
  }

  async *registeredAccounts(): AsyncIterable<Account[]> {
    let ExclusiveStartKey: Record<string, unknown> | undefined;
    do {
      const page = await this.db.send(
        new ScanCommand({
          TableName: this.tableName,
          FilterExpression: '#status = :registered',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':registered': 'registered' },
          ExclusiveStartKey,
          ConsistentRead: true,
        }),
      );
      if (page.Items?.length) yield page.Items as Account[];
      ExclusiveStartKey = page.LastEvaluatedKey;
    } while (ExclusiveStartKey);
  }

  recordInactivityWarning(loginId: string, at: string, read: InactivityRead): Promise<boolean> {
    // Each activity field as it was read: absent then, absent now; else the same value.
    const fields = ['lastLoginAt', 'enabledAt', 'inactivityWarnedAt'] as const;
    const unchanged = fields.map((field) => (read[field] === undefined ? `attribute_not_exists(${field})` : `${field} = :${field}`));
    return this.conditionalUpdate(loginId, {
      UpdateExpression: 'SET inactivityWarnedAt = :at',
      ConditionExpression: ['#status = :registered', 'attribute_not_exists(disabled)', ...unchanged].join(' AND '),
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: {
        ':at': at,
        ':registered': 'registered',
        ...Object.fromEntries(fields.filter((field) => read[field] !== undefined).map((field) => [`:${field}`, read[field]])),
      },
    });
  }

  async withdrawInactivityWarning(loginId: string, at: string): Promise<void> {
    await this.conditionalUpdate(loginId, {
      UpdateExpression: 'REMOVE inactivityWarnedAt',
      ConditionExpression: 'inactivityWarnedAt = :at',
      ExpressionAttributeValues: { ':at': at },
    });
  }

  disableInactive(loginId: string, disabled: NonNullable<Account['disabled']>, warnedAt: string): Promise<boolean> {
    return this.conditionalUpdate(loginId, {
      UpdateExpression: 'SET disabled = :disabled',
      ConditionExpression: '#status = :registered AND attribute_not_exists(disabled) AND inactivityWarnedAt = :warnedAt',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':disabled': disabled, ':registered': 'registered', ':warnedAt': warnedAt },
    });
  }

  private conditionalUpdate(loginId: string, input: Omit<ConstructorParameters<typeof UpdateCommand>[0], 'TableName' | 'Key'>) {
    return applied(this.db.send(new UpdateCommand({ TableName: this.tableName, Key: { [KEY]: loginId }, ...input })));
  }
}
