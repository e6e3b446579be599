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

  /**
   * One conditional write decides each failure, as for wrong passcodes: below the last allowed one
   * it only counts; the last one locks and restarts the count in the same write, so a parallel
   * request never finds the threshold reached on a key not yet locked. Exactly one of the two can
   * apply to a given count, and none while the key is locked (a failure then is not counted).
   */
  async recordFailure(key: string, rule: LockoutRule, at: Date): Promise<boolean> {
    const last = rule.threshold - 1;
    const until = new Date(at.getTime() + rule.lockMinutes * 60_000);
    const unlocked = '(attribute_not_exists(lockedUntil) OR lockedUntil <= :now)';
    // A key not counted yet has no failures: with a threshold of 1, its first failure locks.
    const reachedLast = last > 0 ? 'failures >= :last' : '(attribute_not_exists(failures) OR failures >= :last)';
    const names = { '#ttl': TTL };
    const count = () =>
      applied(
        this.update(key, {
          UpdateExpression: 'ADD failures :one SET #ttl = :ttl',
          ConditionExpression: `(attribute_not_exists(failures) OR failures < :last) AND ${unlocked}`,
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: { ':one': 1, ':last': last, ':now': at.toISOString(), ':ttl': seconds(at) + FAILURE_MEMORY_S },
        }),
      );
    // The count starts again, so after the lock the merchant has the full number of tries.
    const lock = () =>
      applied(
        this.update(key, {
          UpdateExpression: 'SET lockedUntil = :until, failures = :zero, #ttl = :ttl',
          ConditionExpression: `${reachedLast} AND ${unlocked}`,
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: {
            ':until': until.toISOString(),
            ':zero': 0,
            ':last': last,
            ':now': at.toISOString(),
            ':ttl': seconds(until) + FAILURE_MEMORY_S,
          },
        }),
      );
    // Neither applies when the key is locked, or when a clear came between the two: then once more.
    for (let attempt = 0; attempt < 2; attempt += 1) {
      if (last > 0 && (await count())) return false;
      if (await lock()) return true;
    }
    return false;
  }

  async clearFailures(key: string): Promise<void> {
    await this.db.send(new DeleteCommand({ TableName: this.tableName, Key: { [KEY]: key } }));
  }

  async take(key: string, rule: RateRule, at: Date): Promise<boolean> {
    const windowStart = new Date(at.getTime() - rule.windowMinutes * 60_000).toISOString();
    const ttl = seconds(at) + rule.windowMinutes * 60;
    const inWindowUse = () =>
      applied(
        this.update(key, {
          UpdateExpression: 'ADD uses :one',
          ConditionExpression: 'windowStart > :windowStart AND uses < :limit',
          ExpressionAttributeValues: { ':one': 1, ':windowStart': windowStart, ':limit': rule.limit },
        }),
      );
    if (await inWindowUse()) return true;
    // No window, or an old one: this use opens a new window.
    const opened = await applied(
      this.update(key, {
        UpdateExpression: 'SET windowStart = :now, uses = :one, #ttl = :ttl',
        ConditionExpression: `attribute_not_exists(${KEY}) OR windowStart <= :windowStart OR attribute_not_exists(windowStart)`,
        ExpressionAttributeNames: { '#ttl': TTL },
        ExpressionAttributeValues: { ':now': at.toISOString(), ':one': 1, ':windowStart': windowStart, ':ttl': ttl },
      }),
    );
    // A parallel first use opened the fresh window meanwhile: this use fits in it, or it is full.
    return opened || inWindowUse();
  }
}
