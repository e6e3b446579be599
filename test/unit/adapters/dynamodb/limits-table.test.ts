import { DeleteCommand, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import 'aws-sdk-client-mock-jest';
import { LimitsTable } from '../../../../lambdas/adapters/dynamodb/limits-table';
import { conditionFailed, mockDocumentClient, throughputExceeded } from '../../../support/dynamodb-mock';

const TABLE = 'limits-test';
const { db, client } = mockDocumentClient();
const table = new LimitsTable(client, TABLE);
const AT = new Date('2025-04-01T09:00:00.000Z');
const AT_S = AT.getTime() / 1000;
const LOCKOUT = { threshold: 5, lockMinutes: 15 };
const RATE = { limit: 5, windowMinutes: 60 };
const KEY = 'lockout#login#hanako@example.com';

const updates = () => db.commandCalls(UpdateCommand).map((call) => call.args[0].input);

describe('LimitsTable', () => {
  beforeEach(() => {
    db.reset();
  });

  describe('lockedUntil', () => {
    it('reads the key consistently and answers the end of a lock still running', async () => {
      // Prepare
      db.on(GetCommand).resolves({ Item: { limitKey: KEY, failures: 0, lockedUntil: '2025-04-01T09:10:00.000Z' } });

      // Act
      const until = await table.lockedUntil(KEY, AT);

      // Assess
      expect(until).toEqual(new Date('2025-04-01T09:10:00.000Z'));
      expect(db).toHaveReceivedCommandWith(GetCommand, { TableName: TABLE, Key: { limitKey: KEY }, ConsistentRead: true });
    });

    it.each([
      ['a lock that ended before', { lockedUntil: '2025-04-01T08:59:59.999Z' }],
      ['a lock that ends at that very moment', { lockedUntil: '2025-04-01T09:00:00.000Z' }],
      ['failures without a lock', { failures: 4 }],
    ])('answers undefined for %s', async (_label, item) => {
      db.on(GetCommand).resolves({ Item: { limitKey: KEY, ...item } });
      expect(await table.lockedUntil(KEY, AT)).toBeUndefined();
    });

    it('answers undefined for a key never counted', async () => {
      db.on(GetCommand).resolves({});
      expect(await table.lockedUntil(KEY, AT)).toBeUndefined();
    });
  });

  describe('recordFailure', () => {
    const UNLOCKED = '(attribute_not_exists(lockedUntil) OR lockedUntil <= :now)';
    const COUNT = {
      TableName: TABLE,
      Key: { limitKey: KEY },
      UpdateExpression: 'ADD failures :one SET #ttl = :ttl',
      ConditionExpression: `(attribute_not_exists(failures) OR failures < :last) AND ${UNLOCKED}`,
      ExpressionAttributeNames: { '#ttl': 'expiresAtEpoch' },
      ExpressionAttributeValues: { ':one': 1, ':last': 4, ':now': '2025-04-01T09:00:00.000Z', ':ttl': AT_S + 86_400 },
    };
    const LOCK = {
      TableName: TABLE,
      Key: { limitKey: KEY },
      UpdateExpression: 'SET lockedUntil = :until, failures = :zero, #ttl = :ttl',
      ConditionExpression: `failures >= :last AND ${UNLOCKED}`,
      ExpressionAttributeNames: { '#ttl': 'expiresAtEpoch' },
      ExpressionAttributeValues: {
        ':until': '2025-04-01T09:15:00.000Z',
        ':zero': 0,
        ':last': 4,
        ':now': '2025-04-01T09:00:00.000Z',
        ':ttl': AT_S + 15 * 60 + 86_400,
      },
    };

    it('below the last allowed failure, only counts one, remembered a day, while the key is not locked', async () => {
      // Prepare
      db.on(UpdateCommand).resolves({});

      // Act
      const locked = await table.recordFailure(KEY, LOCKOUT, AT);

      // Assess
      expect(locked).toBe(false);
      expect(updates()).toEqual([COUNT]);
    });

    it('at the last allowed one, locks for the lock minutes and starts the count again, in one write', async () => {
      // Prepare
      db.on(UpdateCommand).rejectsOnce(conditionFailed()).resolvesOnce({});

      // Act
      const locked = await table.recordFailure(KEY, LOCKOUT, AT);

      // Assess
      expect(locked).toBe(true);
      expect(updates()).toEqual([COUNT, LOCK]);
    });

    it('with a threshold of 1, locks at the first failure, a key not counted yet included', async () => {
      // Prepare
      db.on(UpdateCommand).resolves({});

      // Act
      const locked = await table.recordFailure(KEY, { threshold: 1, lockMinutes: 15 }, AT);

      // Assess
      expect(locked).toBe(true);
      expect(updates()).toEqual([
        {
          ...LOCK,
          ConditionExpression: `(attribute_not_exists(failures) OR failures >= :last) AND ${UNLOCKED}`,
          ExpressionAttributeValues: { ...LOCK.ExpressionAttributeValues, ':last': 0 },
        },
      ]);
    });

    it('answers false, counting nothing, when the key is locked (by a concurrent failure, or before)', async () => {
      // Prepare
      db.on(UpdateCommand).rejects(conditionFailed());

      // Act
      const locked = await table.recordFailure(KEY, LOCKOUT, AT);

      // Assess: once more, in case a clear came between the two writes.
      expect(locked).toBe(false);
      expect(updates()).toEqual([COUNT, LOCK, COUNT, LOCK]);
    });

    it('lets any other DynamoDB error through', async () => {
      // Prepare
      const throttled = throughputExceeded();
      db.on(UpdateCommand).rejects(throttled);

      // Act
      const attempt = table.recordFailure(KEY, LOCKOUT, AT);

      // Assess
      await expect(attempt).rejects.toBe(throttled);
    });
  });

  describe('clearFailures', () => {
    it('deletes the key, lock and all', async () => {
      // Prepare
      db.on(DeleteCommand).resolves({});

      // Act
      await table.clearFailures(KEY);

      // Assess
      expect(db).toHaveReceivedCommandWith(DeleteCommand, { TableName: TABLE, Key: { limitKey: KEY } });
    });
  });

  describe('take', () => {
    const MAIL_KEY = 'mail#address#hanako@example.com';
    const WINDOW_START = '2025-04-01T08:00:00.000Z';

    it('counts one use in a window that is still open and has uses left', async () => {
      // Prepare
      db.on(UpdateCommand).resolves({});

      // Act
      const taken = await table.take(MAIL_KEY, RATE, AT);

      // Assess
      expect(taken).toBe(true);
      expect(updates()).toEqual([
        {
          TableName: TABLE,
          Key: { limitKey: MAIL_KEY },
          UpdateExpression: 'ADD uses :one',
          ConditionExpression: 'windowStart > :windowStart AND uses < :limit',
          ExpressionAttributeValues: { ':one': 1, ':windowStart': WINDOW_START, ':limit': 5 },
        },
      ]);
    });

    it('opens a new window when there is none or the old one is over', async () => {
      // Prepare
      db.on(UpdateCommand).rejectsOnce(conditionFailed()).resolvesOnce({});

      // Act
      const taken = await table.take(MAIL_KEY, RATE, AT);

      // Assess
      expect(taken).toBe(true);
      expect(updates()[1]).toEqual({
        TableName: TABLE,
        Key: { limitKey: MAIL_KEY },
        UpdateExpression: 'SET windowStart = :now, uses = :one, #ttl = :ttl',
        ConditionExpression: 'attribute_not_exists(limitKey) OR windowStart <= :windowStart OR attribute_not_exists(windowStart)',
        ExpressionAttributeNames: { '#ttl': 'expiresAtEpoch' },
        ExpressionAttributeValues: { ':now': '2025-04-01T09:00:00.000Z', ':one': 1, ':windowStart': WINDOW_START, ':ttl': AT_S + 3_600 },
      });
    });

    it('answers false when the open window has no use left', async () => {
      // Prepare
      db.on(UpdateCommand).rejects(conditionFailed());

      // Act
      const taken = await table.take(MAIL_KEY, RATE, AT);

      // Assess: the in-window use is tried again after the failed open, then refused.
      expect(taken).toBe(false);
      expect(updates().map((update) => update.UpdateExpression)).toEqual([
        'ADD uses :one',
        'SET windowStart = :now, uses = :one, #ttl = :ttl',
        'ADD uses :one',
      ]);
    });

    it('counts the use in the window a parallel first use just opened', async () => {
      // Prepare: the old window is over, and another request opens the new one first.
      db.on(UpdateCommand).rejectsOnce(conditionFailed()).rejectsOnce(conditionFailed()).resolvesOnce({});

      // Act
      const taken = await table.take(MAIL_KEY, RATE, AT);

      // Assess
      expect(taken).toBe(true);
      expect(updates()[2]).toEqual(updates()[0]);
    });

    it('measures the window from the given time and rule', async () => {
      // Prepare
      db.on(UpdateCommand).resolves({});

      // Act
      await table.take(MAIL_KEY, { limit: 3, windowMinutes: 10 }, AT);

      // Assess
      expect(updates()[0].ExpressionAttributeValues).toEqual({ ':one': 1, ':windowStart': '2025-04-01T08:50:00.000Z', ':limit': 3 });
    });

    it('lets any other DynamoDB error through', async () => {
      // Prepare
      const throttled = throughputExceeded();
      db.on(UpdateCommand).rejects(throttled);

      // Act
      const attempt = table.take(MAIL_KEY, RATE, AT);

      // Assess
      await expect(attempt).rejects.toBe(throttled);
    });
  });
});
