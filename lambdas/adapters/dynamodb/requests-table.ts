import { GetCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { PendingRequest } from '../../domain/model';
import type { RequestStore } from '../../domain/ports';
import { tableDefinitions } from '../../resources/table-definitions';
import { applied } from './accounts-table';
import { epochSeconds } from './epoch';

const { partitionKey: KEY, ttlAttribute: TTL } = tableDefinitions.requests;

/**
 * Requests stay a week past their expiry before TTL removes them, so a late click still learns
 * "expired" or "used" rather than "unknown". Expiry itself is judged in code.
 */
const KEEP_AFTER_EXPIRY_S = 7 * 24 * 3600;

export class RequestsTable implements RequestStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  private update(tokenHash: string, expression: Omit<ConstructorParameters<typeof UpdateCommand>[0], 'TableName' | 'Key'>) {
    return this.db.send(new UpdateCommand({ TableName: this.tableName, Key: { [KEY]: tokenHash }, ...expression }));
  }

  async put(request: PendingRequest): Promise<void> {
    const item = { ...request, [TTL]: epochSeconds(request.expiresAt) + KEEP_AFTER_EXPIRY_S };
    await this.db.send(new PutCommand({ TableName: this.tableName, Item: item }));
  }

  async get(tokenHash: string): Promise<PendingRequest | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: { [KEY]: tokenHash }, ConsistentRead: true }));
    if (!Item) return undefined;
    const { [TTL]: _ttl, ...request } = Item;
    return request as PendingRequest;
  }

  async recordWrongPasscode(tokenHash: string, maxAttempts: number): Promise<number | undefined> {
    let counted: Record<string, unknown> | undefined;
    const stillOpen = await applied(
      this.update(tokenHash, {
        UpdateExpression: 'SET wrongPasscodes = wrongPasscodes + :one',
        ConditionExpression: '#status = :pending AND wrongPasscodes < :max',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':one': 1, ':pending': 'pending', ':max': maxAttempts },
        ReturnValues: 'ALL_NEW',
      }).then((result) => (counted = result.Attributes)),
    );
    if (!stillOpen) return undefined;
    const wrong = Number(counted?.wrongPasscodes);
    if (wrong >= maxAttempts) {
      // Only a request still pending is voided: one completed a moment ago stays completed.
      await applied(
        this.update(tokenHash, {
          UpdateExpression: 'SET #status = :voided',
          ConditionExpression: '#status = :pending',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':voided': 'voided', ':pending': 'pending' },
        }),
      );
    }
    return wrong;
  }

  claim(tokenHash: string, at: string, staleBefore: string): Promise<boolean> {
    return applied(
      this.update(tokenHash, {
        UpdateExpression: 'SET #status = :completing, claimedAt = :at',
        ConditionExpression: '#status = :pending OR (#status = :completing AND claimedAt < :stale)',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':completing': 'completing', ':pending': 'pending', ':at': at, ':stale': staleBefore },
      }),
    );
  }

  async release(tokenHash: string): Promise<void> {
    await applied(
      this.update(tokenHash, {
        UpdateExpression: 'SET #status = :pending REMOVE claimedAt',
        ConditionExpression: '#status = :completing',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':pending': 'pending', ':completing': 'completing' },
      }),
    );
  }

  async markUsed(tokenHash: string): Promise<void> {
    await this.update(tokenHash, {
      UpdateExpression: 'SET #status = :used',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':used': 'used' },
    });
  }
}
