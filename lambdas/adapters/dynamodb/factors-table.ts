import { DeleteCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { FactorRecord } from '../../domain/model';
import type { FactorStore } from '../../domain/ports';
import { tableDefinitions } from '../../resources/table-definitions';

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
    let ExclusiveStartKey: Record<string, unknown> | undefined;
    do {
      const page = await this.db.send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: BY_LOGIN_ID.name,
          KeyConditionExpression: '#loginId = :loginId',
          ExpressionAttributeNames: { '#loginId': BY_LOGIN_ID.partitionKey },
          ExpressionAttributeValues: { ':loginId': loginId },
          ExclusiveStartKey,
        }),
      );
      items.push(...(page.Items ?? []));
      ExclusiveStartKey = page.LastEvaluatedKey;
    } while (ExclusiveStartKey);
    return items;
  }
}
