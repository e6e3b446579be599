import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import 'aws-sdk-client-mock-jest';
import { RequestsTable } from '../../../../lambdas/adapters/dynamodb/requests-table';
import { conditionFailed, mockDocumentClient } from '../../../support/dynamodb-mock';
import { PENDING_REQUEST as request } from '../../../support/records';

const TABLE = 'requests-test';
const { db, client } = mockDocumentClient();
const table = new RequestsTable(client, TABLE);

const EXPIRES_EPOCH = Date.parse('2025-04-02T09:00:00.000Z') / 1000;
const WEEK_S = 7 * 24 * 3600;

describe('RequestsTable', () => {
  beforeEach(() => {
    db.reset();
  });

  it('puts the request with a TTL a week past its expiry', async () => {
    // Prepare
    db.on(PutCommand).resolves({});

    // Act
    await table.put(request);

    // Assess
    expect(db).toHaveReceivedCommandWith(PutCommand, {
      TableName: TABLE,
      Item: { ...request, expiresAtEpoch: EXPIRES_EPOCH + WEEK_S },
    });
  });

  it('reads the request by token hash, consistently, without the TTL attribute', async () => {
    // Prepare
    db.on(GetCommand).resolves({ Item: { ...request, expiresAtEpoch: EXPIRES_EPOCH + WEEK_S } });

    // Act
    const read = await table.get('token-hash');

    // Assess
    expect(read).toEqual(request);
    expect(db).toHaveReceivedCommandWith(GetCommand, { TableName: TABLE, Key: { tokenHash: 'token-hash' }, ConsistentRead: true });
  });

  it('answers undefined for an unknown token hash', async () => {
    db.on(GetCommand).resolves({});
    expect(await table.get('nothing')).toBeUndefined();
  });

  describe('recordWrongPasscode', () => {
    it('counts a miss only while pending and under the last allowed one, and returns the count', async () => {
      // Prepare
      db.on(UpdateCommand).resolves({ Attributes: { ...request, wrongPasscodes: 2 } });

      // Act
      const wrong = await table.recordWrongPasscode('token-hash', 5);

      // Assess
      expect(wrong).toBe(2);
      expect(db).toHaveReceivedCommandTimes(UpdateCommand, 1);
      expect(db).toHaveReceivedCommandWith(UpdateCommand, {
        TableName: TABLE,
        Key: { tokenHash: 'token-hash' },
        UpdateExpression: 'SET wrongPasscodes = wrongPasscodes + :one',
        ConditionExpression: '#status = :pending AND wrongPasscodes < :last',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':one': 1, ':pending': 'pending', ':last': 4 },
        ReturnValues: 'ALL_NEW',
      });
    });

    it('voids a pending request at the maximum in the same write that counts the last miss', async () => {
      // Prepare: four misses counted already, so only the voiding write applies.
      db.on(UpdateCommand).rejectsOnce(conditionFailed()).resolves({});

      // Act
      const wrong = await table.recordWrongPasscode('token-hash', 5);

      // Assess
      expect(wrong).toBe(5);
      expect(db).toHaveReceivedCommandTimes(UpdateCommand, 2);
      expect(db).toHaveReceivedNthSpecificCommandWith(2, UpdateCommand, {
        Key: { tokenHash: 'token-hash' },
        UpdateExpression: 'SET wrongPasscodes = :max, #status = :voided',
        ConditionExpression: '#status = :pending AND wrongPasscodes = :last',
        ExpressionAttributeValues: { ':max': 5, ':voided': 'voided', ':pending': 'pending', ':last': 4 },
      });
    });

    it('answers undefined when the request cannot take another guess', async () => {
      // Prepare: already voided, or claimed by a submission.
      db.on(UpdateCommand).rejects(conditionFailed());

      // Act
      const wrong = await table.recordWrongPasscode('token-hash', 5);

      // Assess
      expect(wrong).toBeUndefined();
    });
  });

  describe('claim', () => {
    it('takes a pending request, or a completing one whose claim is stale', async () => {
      // Prepare
      db.on(UpdateCommand).resolves({});

      // Act
      const claimed = await table.claim('token-hash', '2025-04-01T09:05:00.000Z', '2025-04-01T09:04:00.000Z');

      // Assess
      expect(claimed).toBe(true);
      expect(db).toHaveReceivedCommandWith(UpdateCommand, {
        Key: { tokenHash: 'token-hash' },
        UpdateExpression: 'SET #status = :completing, claimedAt = :at',
        ConditionExpression: '#status = :pending OR (#status = :completing AND claimedAt < :stale)',
        ExpressionAttributeValues: {
          ':completing': 'completing',
          ':pending': 'pending',
          ':at': '2025-04-01T09:05:00.000Z',
          ':stale': '2025-04-01T09:04:00.000Z',
        },
      });
    });

    it('answers false when another submission has it or it is finished', async () => {
      db.on(UpdateCommand).rejects(conditionFailed());
      expect(await table.claim('token-hash', '2025-04-01T09:05:00.000Z', '2025-04-01T09:04:00.000Z')).toBe(false);
    });
  });

  describe('release', () => {
    it('returns a completing request to pending, only under this claim', async () => {
      // Prepare
      db.on(UpdateCommand).resolves({});

      // Act
      await table.release('token-hash', '2025-04-01T09:05:00.000Z');

      // Assess
      expect(db).toHaveReceivedCommandWith(UpdateCommand, {
        UpdateExpression: 'SET #status = :pending REMOVE claimedAt',
        ConditionExpression: '#status = :completing AND claimedAt = :at',
        ExpressionAttributeValues: { ':pending': 'pending', ':completing': 'completing', ':at': '2025-04-01T09:05:00.000Z' },
      });
    });

    it('leaves a request that is no longer completing under this claim alone, quietly', async () => {
      db.on(UpdateCommand).rejects(conditionFailed());
      await expect(table.release('token-hash', '2025-04-01T09:05:00.000Z')).resolves.toBeUndefined();
    });
  });

  describe('markUsed', () => {
    it('marks a request used, only under this claim', async () => {
      // Prepare
      db.on(UpdateCommand).resolves({});

      // Act
      await table.markUsed('token-hash', '2025-04-01T09:05:00.000Z');

      // Assess
      expect(db).toHaveReceivedCommandWith(UpdateCommand, {
        Key: { tokenHash: 'token-hash' },
        UpdateExpression: 'SET #status = :used',
        ConditionExpression: '#status = :completing AND claimedAt = :at',
        ExpressionAttributeValues: { ':used': 'used', ':completing': 'completing', ':at': '2025-04-01T09:05:00.000Z' },
      });
    });

    it('leaves a claim taken over by another submission alone, quietly', async () => {
      db.on(UpdateCommand).rejects(conditionFailed());
      await expect(table.markUsed('token-hash', '2025-04-01T09:05:00.000Z')).resolves.toBeUndefined();
    });
  });
});
