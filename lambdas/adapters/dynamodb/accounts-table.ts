import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { AccountExistsError } from '../../domain/errors';
import type { Account } from '../../domain/model';
import type { AccountStore } from '../../domain/ports';
import { tableDefinitions } from '../../../lib/table-definitions';

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
  constructor(private readonly db: DynamoDBDocumentClient, private readonly tableName: string) {}

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

  replacePendingRequest(loginId: string, tokenHash: string): Promise<boolean> {
    return applied(
      this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { [KEY]: loginId },
          UpdateExpression: 'SET pendingTokenHash = :token',
          ConditionExpression: '#status = :invited',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':token': tokenHash, ':invited': 'invited' },
        }),
      ),
    );
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
          ConditionExpression: '#status = :invited AND pendingTokenHash = :token',
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

  async recordLogin(account: Account, at: string): Promise<void> {
    await this.db.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: { [KEY]: account.loginId },
        UpdateExpression: account.lastLoginAt ? 'SET lastLoginAt = :at, previousLoginAt = :previous' : 'SET lastLoginAt = :at',
        ExpressionAttributeValues: { ':at': at, ...(account.lastLoginAt && { ':previous': account.lastLoginAt }) },
      }),
    );
  }
}
