import { DeleteCommand, GetCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Session } from '../../domain/model';
import type { SessionStore } from '../../domain/ports';
import { tableDefinitions } from '../../../lib/table-definitions';
import { applied } from './accounts-table';
import { epochSeconds } from './epoch';

const { partitionKey: KEY, ttlAttribute: TTL } = tableDefinitions.sessions;

export class SessionsTable implements SessionStore {
  constructor(private readonly db: DynamoDBDocumentClient, private readonly tableName: string) {}

  async put(session: Session): Promise<void> {
    await this.db.send(new PutCommand({ TableName: this.tableName, Item: { ...session, [TTL]: epochSeconds(session.expiresAt) } }));
  }

  async get(sessionIdHash: string): Promise<Session | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: { [KEY]: sessionIdHash }, ConsistentRead: true }));
    if (!Item) return undefined;
    const { [TTL]: _ttl, ...session } = Item;
    return session as Session;
  }

  async touch(sessionIdHash: string, at: string): Promise<void> {
    // A session deleted meanwhile (logout in another tab) stays deleted.
    await applied(this.db.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: { [KEY]: sessionIdHash },
        UpdateExpression: 'SET lastSeenAt = :at',
        ConditionExpression: `attribute_exists(${KEY})`,
        ExpressionAttributeValues: { ':at': at },
      }),
    ));
  }

  async delete(sessionIdHash: string): Promise<void> {
    await this.db.send(new DeleteCommand({ TableName: this.tableName, Key: { [KEY]: sessionIdHash } }));
  }
}
