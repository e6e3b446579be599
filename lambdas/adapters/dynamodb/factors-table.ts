import { DeleteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { FactorRecord } from '../../domain/model';
import type { FactorStore } from '../../domain/ports';
import { tableDefinitions } from '../../resources/table-definitions';
import { queryItems } from './query-items';

const { partitionKey: KEY, indexes } = tableDefinitions.factors;
const BY_LOGIN_ID = indexes[0];

/** Factor records, one item each, keyed by `factorKey` (the kind's own key) and listed by login ID. */
export class FactorsTable implements FactorStore {
  constructor(
    protected readonly db: DynamoDBDocumentClient,
    protected readonly tableName: string,
  ) {}

  async listOf(loginId: string): Promise<FactorRecord[]> {
    return (await this.itemsOf(loginId)).map(({ [KEY]: _key, ...record }) => record as unknown as FactorRecord);
  }

  async removeAllOf(loginId: string): Promise<number> {
    const items = await this.itemsOf(loginId);
    for (const item of items) await this.db.send(new DeleteCommand({ TableName: this.tableName, Key: { [KEY]: item[KEY] } }));
    return items.length;
  }

  private async itemsOf(loginId: string): Promise<Record<string, unknown>[]> {
    const items: Record<string, unknown>[] = [];
    for await (const item of queryItems(this.db, {
      TableName: this.tableName,
      IndexName: BY_LOGIN_ID.name,
      KeyConditionExpression: '#loginId = :loginId',
      ExpressionAttributeNames: { '#loginId': BY_LOGIN_ID.partitionKey },
      ExpressionAttributeValues: { ':loginId': loginId },
    })) {
      items.push(item);
    }
    return items;
  }
}
