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

  /**
   * One conditional write decides each miss: below the last allowed one it only counts; the last
   * one counts and voids in the same write, so a parallel submission never sees the limit reached
   * on a request still pending. Exactly one of the two can apply to a given count.
   */
  async recordWrongPasscode(tokenHash: string, maxAttempts: number): Promise<number | undefined> {
    const names = { '#status': 'status' };
    let counted: Record<string, unknown> | undefined;
    const underLast = await applied(
      this.update(tokenHash, {
        UpdateExpression: 'SET wrongPasscodes = wrongPasscodes + :one',
        ConditionExpression: '#status = :pending AND wrongPasscodes < :last',
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: { ':one': 1, ':pending': 'pending', ':last': maxAttempts - 1 },
        ReturnValues: 'ALL_NEW',
      }).then((result) => (counted = result.Attributes)),
    );
    if (underLast) return Number(counted?.wrongPasscodes);
    const voided = await applied(
      this.update(tokenHash, {
        UpdateExpression: 'SET wrongPasscodes = :max, #status = :voided',
        ConditionExpression: '#status = :pending AND wrongPasscodes = :last',
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: { ':max': maxAttempts, ':voided': 'voided', ':pending': 'pending', ':last': maxAttempts - 1 },
      }),
    );
    return voided ? maxAttempts : undefined;
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

  /** Only this submission's own claim: one taken over as stale belongs to the newer submission. */
  async release(tokenHash: string, claimedAt: string): Promise<void> {
    await applied(
      this.update(tokenHash, {
        UpdateExpression: 'SET #status = :pending REMOVE claimedAt',
        ConditionExpression: '#status = :completing AND claimedAt = :at',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':pending': 'pending', ':completing': 'completing', ':at': claimedAt },
      }),
    );
  }

  /** Only this submission's own claim, as release. */
  async markUsed(tokenHash: string, claimedAt: string): Promise<void> {
    await applied(
      this.update(tokenHash, {
        UpdateExpression: 'SET #status = :used',
        ConditionExpression: '#status = :completing AND claimedAt = :at',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':used': 'used', ':completing': 'completing', ':at': claimedAt },
      }),
    );
  }
}
