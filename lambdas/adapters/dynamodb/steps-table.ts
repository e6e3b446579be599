import { DeleteCommand, GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { PendingStep } from '../../domain/model';
import type { StepStore } from '../../domain/ports';
import { tableDefinitions } from '../../resources/table-definitions';
import { epochSeconds } from './epoch';

const { partitionKey: KEY, ttlAttribute: TTL } = tableDefinitions.steps;

/** Steps live minutes; TTL only cleans up an hour after their end (expiry is judged in code). */
const KEEP_AFTER_EXPIRY_S = 3600;

export class StepsTable implements StepStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async put(step: PendingStep): Promise<void> {
    const item = { ...step, [TTL]: epochSeconds(step.expiresAt) + KEEP_AFTER_EXPIRY_S };
    await this.db.send(new PutCommand({ TableName: this.tableName, Item: item }));
  }

  async get(stepIdHash: string): Promise<PendingStep | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: { [KEY]: stepIdHash }, ConsistentRead: true }));
    return Item && withoutTtl(Item);
  }

  async take(stepIdHash: string): Promise<PendingStep | undefined> {
    // A delete returns the old item only to the one caller whose delete removed it.
    const { Attributes } = await this.db.send(
      new DeleteCommand({ TableName: this.tableName, Key: { [KEY]: stepIdHash }, ReturnValues: 'ALL_OLD' }),
    );
    return Attributes && withoutTtl(Attributes);
  }
}

function withoutTtl(item: Record<string, unknown>): PendingStep {
  const { [TTL]: _ttl, ...step } = item;
  return step as unknown as PendingStep;
}
