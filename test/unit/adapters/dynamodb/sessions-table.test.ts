import { DeleteCommand, GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import 'aws-sdk-client-mock-jest';
import { SessionsTable } from '../../../../lambdas/adapters/dynamodb/sessions-table';
import { conditionFailed, mockDocumentClient } from '../../../support/dynamodb-mock';
import { session as sessionOf } from '../../../support/records';

const TABLE = 'sessions-test';
const { db, client } = mockDocumentClient();
const table = new SessionsTable(client, TABLE);

const session = sessionOf('session-hash', 'M20250401', 'hanako@example.com');
const EXPIRES_EPOCH = Date.parse('2025-04-01T21:00:00.000Z') / 1000;

describe('SessionsTable', () => {
  beforeEach(() => {
    db.reset();
  });

  it('puts the session with a TTL at its absolute end', async () => {
    // Prepare
    db.on(PutCommand).resolves({});

    // Act
    await table.put(session);

    // Assess
    expect(db).toHaveReceivedCommandWith(PutCommand, { TableName: TABLE, Item: { ...session, expiresAtEpoch: EXPIRES_EPOCH } });
  });

  it('reads the session by hash, consistently, without the TTL attribute', async () => {
    // Prepare
    db.on(GetCommand).resolves({ Item: { ...session, expiresAtEpoch: EXPIRES_EPOCH } });

    // Act
    const read = await table.get('session-hash');

    // Assess
    expect(read).toEqual(session);
    expect(db).toHaveReceivedCommandWith(GetCommand, { TableName: TABLE, Key: { sessionIdHash: 'session-hash' }, ConsistentRead: true });
  });

  it('answers undefined for an unknown session', async () => {
    db.on(GetCommand).resolves({});
    expect(await table.get('nothing')).toBeUndefined();
  });

  it('touches only a session that still exists, and only forward', async () => {
    // Prepare
    db.on(UpdateCommand).resolves({});

    // Act
    await table.touch('session-hash', '2025-04-01T09:10:00.000Z');

    // Assess
    expect(db).toHaveReceivedCommandWith(UpdateCommand, {
      TableName: TABLE,
      Key: { sessionIdHash: 'session-hash' },
      UpdateExpression: 'SET lastSeenAt = :at',
      ConditionExpression: 'attribute_exists(sessionIdHash) AND lastSeenAt < :at',
      ExpressionAttributeValues: { ':at': '2025-04-01T09:10:00.000Z' },
    });
  });

  it('does not revive, nor fail on, a session deleted meanwhile', async () => {
    db.on(UpdateCommand).rejects(conditionFailed());
    await expect(table.touch('session-hash', '2025-04-01T09:10:00.000Z')).resolves.toBeUndefined();
  });

  it('deletes the session', async () => {
    // Prepare
    db.on(DeleteCommand).resolves({});

    // Act
    await table.delete('session-hash');

    // Assess
    expect(db).toHaveReceivedCommandWith(DeleteCommand, { TableName: TABLE, Key: { sessionIdHash: 'session-hash' } });
  });

  describe('deleteAllOf', () => {
    const deleted = () => db.commandCalls(DeleteCommand).map((call) => call.args[0].input.Key?.sessionIdHash);

    it("queries the byLoginId index for the account's session hashes only", async () => {
      // Prepare
      db.on(QueryCommand).resolves({ Items: [] });

      // Act
      await table.deleteAllOf('M20250401');

      // Assess
      expect(db).toHaveReceivedCommandWith(QueryCommand, {
        TableName: TABLE,
        IndexName: 'byLoginId',
        KeyConditionExpression: '#loginId = :loginId',
        ExpressionAttributeNames: { '#loginId': 'loginId' },
        ExpressionAttributeValues: { ':loginId': 'M20250401' },
        ProjectionExpression: 'sessionIdHash',
      });
    });

    it('deletes each session found and answers how many it ended', async () => {
      // Prepare
      db.on(QueryCommand).resolves({ Items: [{ sessionIdHash: 's1' }, { sessionIdHash: 's2' }, { sessionIdHash: 's3' }] });
      db.on(DeleteCommand).resolves({});

      // Act
      const ended = await table.deleteAllOf('M20250401');

      // Assess
      expect(ended).toBe(3);
      expect(deleted()).toEqual(['s1', 's2', 's3']);
      expect(db).toHaveReceivedCommandWith(DeleteCommand, { TableName: TABLE, Key: { sessionIdHash: 's1' } });
    });

    it('keeps the session it is told to keep, and does not count it', async () => {
      // Prepare
      db.on(QueryCommand).resolves({ Items: [{ sessionIdHash: 's1' }, { sessionIdHash: 'mine' }, { sessionIdHash: 's3' }] });
      db.on(DeleteCommand).resolves({});

      // Act
      const ended = await table.deleteAllOf('M20250401', 'mine');

      // Assess
      expect(ended).toBe(2);
      expect(deleted()).toEqual(['s1', 's3']);
    });

    it('follows LastEvaluatedKey through every page', async () => {
      // Prepare
      db.on(QueryCommand)
        .resolvesOnce({
          Items: [{ sessionIdHash: 's1' }, { sessionIdHash: 's2' }],
          LastEvaluatedKey: { sessionIdHash: 's2', loginId: 'M20250401' },
        })
        .resolvesOnce({ Items: [{ sessionIdHash: 'mine' }], LastEvaluatedKey: { sessionIdHash: 'mine', loginId: 'M20250401' } })
        .resolvesOnce({ Items: [{ sessionIdHash: 's4' }] });
      db.on(DeleteCommand).resolves({});

      // Act
      const ended = await table.deleteAllOf('M20250401', 'mine');

      // Assess
      expect(ended).toBe(3);
      expect(deleted()).toEqual(['s1', 's2', 's4']);
      const starts = db.commandCalls(QueryCommand).map((call) => call.args[0].input.ExclusiveStartKey);
      expect(starts).toEqual([undefined, { sessionIdHash: 's2', loginId: 'M20250401' }, { sessionIdHash: 'mine', loginId: 'M20250401' }]);
    });

    it('answers 0 for an account without sessions (no Items at all)', async () => {
      // Prepare
      db.on(QueryCommand).resolves({});

      // Act
      const ended = await table.deleteAllOf('M20250401');

      // Assess
      expect(ended).toBe(0);
      expect(db).toHaveReceivedCommandTimes(DeleteCommand, 0);
    });
  });
});
