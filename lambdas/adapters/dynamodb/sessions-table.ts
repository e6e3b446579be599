import { DeleteCommand, GetCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Session } from '../../domain/model';
import type { SessionStore } from '../../domain/ports';
import { tableDefinitions } from '../../resources/table-definitions';
import { applied } from './accounts-table';
import { epochSeconds } from './epoch';
import { queryItems } from './query-items';

const { partitionKey: KEY, ttlAttribute: TTL, indexes } = tableDefinitions.sessions;
const BY_LOGIN_ID = indexes[0];

export class SessionsTable implements SessionStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async put(session: Session): Promise<void> {
    await this.db.send(new PutCommand({ TableName: this.tableName, Item: { ...session, [TTL]: epochSeconds(session.expiresAt) } }));
  }

  async get(sessionIdHash: string): Promise<Session | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: { [KEY]: sessionIdHash }, ConsistentRead: true }));
    if (!Item) return undefined;
    const { [TTL]: _ttl, ...session } = Item;
    return session as Session;
  }

  touch(sessionIdHash: string, at: string): Promise<void> {
    // A slower request with an earlier time does not move the last-seen time back.
    return this.updateLive(sessionIdHash, 'SET lastSeenAt = :at', at, ' AND lastSeenAt < :at');
  }

  recordProof(sessionIdHash: string, at: string): Promise<void> {
    return this.updateLive(sessionIdHash, 'SET provedAt = :at, lastSeenAt = :at', at);
  }

  async liftSetupRequired(sessionIdHash: string): Promise<void> {
    await applied(
      this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { [KEY]: sessionIdHash },
          UpdateExpression: 'REMOVE setupRequired',
          ConditionExpression: `attribute_exists(${KEY})`,
        }),
      ),
    );
  }

  /** A session deleted meanwhile (logout in another tab, sessions ended) stays deleted. */
  private async updateLive(sessionIdHash: string, UpdateExpression: string, at: string, condition = ''): Promise<void> {
    await applied(
      this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { [KEY]: sessionIdHash },
          UpdateExpression,
          ConditionExpression: `attribute_exists(${KEY})${condition}`,
          ExpressionAttributeValues: { ':at': at },
        }),
      ),
    );
  }

  async delete(sessionIdHash: string): Promise<void> {
    await this.db.send(new DeleteCommand({ TableName: this.tableName, Key: { [KEY]: sessionIdHash } }));
  }

  async deleteAllOf(loginId: string, keep?: string): Promise<number> {
    let ended = 0;
    for await (const item of queryItems(this.db, { ...this.byLoginId(loginId), ProjectionExpression: KEY })) {
      if (item[KEY] === keep) continue;
      await this.delete(item[KEY]);
      ended += 1;
    }
    return ended;
  }

  async listOf(loginId: string): Promise<Session[]> {
    const sessions: Session[] = [];
    for await (const { [TTL]: _ttl, ...session } of queryItems(this.db, this.byLoginId(loginId))) sessions.push(session as Session);
    return sessions;
  }

  /** The account's items through the login-ID index. */
  private byLoginId(loginId: string) {
    return {
      TableName: this.tableName,
      IndexName: BY_LOGIN_ID.name,
      KeyConditionExpression: '#loginId = :loginId',
      ExpressionAttributeNames: { '#loginId': BY_LOGIN_ID.partitionKey },
      ExpressionAttributeValues: { ':loginId': loginId },
    };
  }
}
