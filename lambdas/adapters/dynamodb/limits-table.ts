import { DeleteCommand, GetCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { LockoutRule, RateRule } from '../../domain/limits';
import type { LimitStore } from '../../domain/ports';
import { tableDefinitions } from '../../resources/table-definitions';
import { applied } from './accounts-table';

const { partitionKey: KEY, ttlAttribute: TTL } = tableDefinitions.limits;

/** A day without failures forgets them; TTL removes the item (expiry of a lock is judged in code). */
const FAILURE_MEMORY_S = 24 * 3600;

const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

/** Counters as single items with conditional writes: dynalite and DynamoDB agree on these. */
export class LimitsTable implements LimitStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  private update(key: string, input: Omit<ConstructorParameters<typeof UpdateCommand>[0], 'TableName' | 'Key'>) {
    return this.db.send(new UpdateCommand({ TableName: this.tableName, Key: { [KEY]: key }, ...input }));
  }

  async lockedUntil(key: string, at: Date): Promise<Date | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: { [KEY]: key }, ConsistentRead: true }));
    const until = Item?.lockedUntil ? new Date(Item.lockedUntil) : undefined;
    return until && until > at ? until : undefined;
  }

  async recordFailure(key: string, rule: LockoutRule, at: Date): Promise<boolean> {
    const { Attributes } = await this.update(key, {
      UpdateExpression: 'ADD failures :one SET #ttl = :ttl',
      ExpressionAttributeNames: { '#ttl': TTL },
      ExpressionAttributeValues: { ':one': 1, ':ttl': seconds(at) + FAILURE_MEMORY_S },
      ReturnValues: 'ALL_NEW',
    });
    if (Number(Attributes?.failures) < rule.threshold) return false;
    const until = new Date(at.getTime() + rule.lockMinutes * 60_000);
    // The count starts again, so after the lock the merchant has the full number of tries.
    return applied(
      this.update(key, {
        UpdateExpression: 'SET lockedUntil = :until, failures = :zero, #ttl = :ttl',
        ConditionExpression: 'failures >= :threshold',
        ExpressionAttributeNames: { '#ttl': TTL },
        ExpressionAttributeValues: {
          ':until': until.toISOString(),
          ':zero': 0,
          ':threshold': rule.threshold,
          ':ttl': seconds(until) + FAILURE_MEMORY_S,
        },
      }),
    );
  }

  async clearFailures(key: string): Promise<void> {
    await this.db.send(new DeleteCommand({ TableName: this.tableName, Key: { [KEY]: key } }));
  }

  async take(key: string, rule: RateRule, at: Date): Promise<boolean> {
    const windowStart = new Date(at.getTime() - rule.windowMinutes * 60_000).toISOString();
    const ttl = seconds(at) + rule.windowMinutes * 60;
    const inWindow = await applied(
      this.update(key, {
        UpdateExpression: 'ADD uses :one',
        ConditionExpression: 'windowStart > :windowStart AND uses < :limit',
        ExpressionAttributeValues: { ':one': 1, ':windowStart': windowStart, ':limit': rule.limit },
      }),
    );
    if (inWindow) return true;
    // No window, or an old one: this use opens a new window.
    return applied(
      this.update(key, {
        UpdateExpression: 'SET windowStart = :now, uses = :one, #ttl = :ttl',
        ConditionExpression: `attribute_not_exists(${KEY}) OR windowStart <= :windowStart OR attribute_not_exists(windowStart)`,
        ExpressionAttributeNames: { '#ttl': TTL },
        ExpressionAttributeValues: { ':now': at.toISOString(), ':one': 1, ':windowStart': windowStart, ':ttl': ttl },
      }),
    );
  }
}
