import { GetCommand, PutCommand, QueryCommand, ScanCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import 'aws-sdk-client-mock-jest';
import { AccountsTable } from '../../../../lambdas/adapters/dynamodb/accounts-table';
import { AccountExistsError } from '../../../../lambdas/domain/errors';
import { conditionFailed, mockDocumentClient, throughputExceeded } from '../../../support/dynamodb-mock';
import { INVITED as invited, REGISTERED as registered } from '../../../support/records';

const TABLE = 'accounts-test';
const { db, client } = mockDocumentClient();
const table = new AccountsTable(client, TABLE);

describe('AccountsTable', () => {
  beforeEach(() => {
    db.reset();
  });

  describe('get', () => {
    it('reads the account by login ID, consistently', async () => {
      // Prepare
      db.on(GetCommand).resolves({ Item: invited });

      // Act
      const account = await table.get('M20250401');

      // Assess
      expect(account).toEqual(invited);
      expect(db).toHaveReceivedCommandWith(GetCommand, { TableName: TABLE, Key: { loginId: 'M20250401' }, ConsistentRead: true });
    });

    it('answers undefined for an unknown login ID', async () => {
      db.on(GetCommand).resolves({});
      expect(await table.get('M00000000')).toBeUndefined();
    });
  });

  describe('findByEmail', () => {
    it('queries the email index', async () => {
      // Prepare
      const registered = { ...invited, status: 'registered', email: 'hanako@example.com' };
      db.on(QueryCommand).resolves({ Items: [registered] });

      // Act
      const account = await table.findByEmail('hanako@example.com');

      // Assess
      expect(account).toEqual(registered);
      expect(db).toHaveReceivedCommandWith(QueryCommand, {
        TableName: TABLE,
        IndexName: 'byEmail',
        KeyConditionExpression: 'email = :email',
        ExpressionAttributeValues: { ':email': 'hanako@example.com' },
      });
    });

    it('answers undefined when nobody has the email', async () => {
      db.on(QueryCommand).resolves({ Items: [] });
      expect(await table.findByEmail('nobody@example.com')).toBeUndefined();
    });
  });

  describe('create', () => {
    it('puts the account only if the login ID is free', async () => {
      // Prepare
      db.on(PutCommand).resolves({});

      // Act
      await table.create(invited);

      // Assess
      expect(db).toHaveReceivedCommandWith(PutCommand, {
        TableName: TABLE,
        Item: invited,
        ConditionExpression: 'attribute_not_exists(loginId)',
      });
    });

    it('turns a failed condition into AccountExistsError', async () => {
      // Prepare
      db.on(PutCommand).rejects(conditionFailed());

      // Act
      const attempt = table.create(invited);

      // Assess
      await expect(attempt).rejects.toBeInstanceOf(AccountExistsError);
      await expect(attempt).rejects.toMatchObject({ loginId: 'M20250401' });
    });

    it('lets any other DynamoDB error through', async () => {
      // Prepare
      const throttled = throughputExceeded();
      db.on(PutCommand).rejects(throttled);

      // Act
      const attempt = table.create(invited);

      // Assess
      await expect(attempt).rejects.toBe(throttled);
    });
  });

  describe('replacePendingRequest', () => {
    it('points an invited account at the new request', async () => {
      // Prepare
      db.on(UpdateCommand).resolves({});

      // Act
      const replaced = await table.replacePendingRequest('M20250401', 'registration', 'token-hash-2');

      // Assess
      expect(replaced).toBe(true);
      expect(db).toHaveReceivedCommandWith(UpdateCommand, {
        TableName: TABLE,
        Key: { loginId: 'M20250401' },
        UpdateExpression: 'SET pendingTokenHash = :token',
        ConditionExpression: '#status = :status AND attribute_not_exists(disabled)',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':token': 'token-hash-2', ':status': 'invited' },
      });
    });

    it('answers false when the account is no longer invited', async () => {
      db.on(UpdateCommand).rejects(conditionFailed());
      expect(await table.replacePendingRequest('M20250401', 'registration', 'token-hash-2')).toBe(false);
    });
    it.each([
      ['passwordReset', 'pendingResetTokenHash'],
      ['emailChange', 'pendingEmailChangeTokenHash'],
    ] as const)('points a registered account at a new %s in %s', async (kind, attribute) => {
      // Prepare
      db.on(UpdateCommand).resolves({});

      // Act
      const replaced = await table.replacePendingRequest('M20250401', kind, 'token-hash-3');

      // Assess
      expect(replaced).toBe(true);
      expect(db).toHaveReceivedCommandWith(UpdateCommand, {
        TableName: TABLE,
        Key: { loginId: 'M20250401' },
        UpdateExpression: `SET ${attribute} = :token`,
        ConditionExpression: '#status = :status AND attribute_not_exists(disabled)',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':token': 'token-hash-3', ':status': 'registered' },
      });
    });

    it('lets any other DynamoDB error through', async () => {
      // Prepare
      const throttled = throughputExceeded();
      db.on(UpdateCommand).rejects(throttled);

      // Act
      const attempt = table.replacePendingRequest('M20250401', 'passwordReset', 'token-hash-3');

      // Assess
      await expect(attempt).rejects.toBe(throttled);
    });
  });

  describe('completeRegistration', () => {
    const changes = {
      email: 'hanako@example.com',
      passwordHistory: ['new-hash', 'initial-hash'],
      registeredAt: '2025-04-01T09:05:00.000Z',
    };

    it('registers the account only while invited with this very request, removing the initial password', async () => {
      // Prepare
      db.on(UpdateCommand).resolves({});

      // Act
      const completed = await table.completeRegistration('M20250401', 'token-hash', changes);

      // Assess
      expect(completed).toBe(true);
      const input = db.commandCalls(UpdateCommand)[0].args[0].input;
      expect(input).toMatchObject({
        TableName: TABLE,
        Key: { loginId: 'M20250401' },
        ConditionExpression: '#status = :invited AND attribute_not_exists(disabled) AND pendingTokenHash = :token',
        ExpressionAttributeValues: {
          ':registered': 'registered',
          ':invited': 'invited',
          ':email': 'hanako@example.com',
          ':history': ['new-hash', 'initial-hash'],
          ':at': '2025-04-01T09:05:00.000Z',
          ':token': 'token-hash',
        },
      });
      expect(input.UpdateExpression).toMatch(
        /^SET #status = :registered, email = :email, passwordHistory = :history, registeredAt = :at REMOVE /,
      );
      expect(input.UpdateExpression?.split('REMOVE ')[1].split(', ').sort()).toEqual([
        'initialPasswordExpiresAt',
        'initialPasswordHash',
        'pendingTokenHash',
      ]);
    });

    it('answers false when another request replaced this one or the account moved on', async () => {
      db.on(UpdateCommand).rejects(conditionFailed());
      expect(await table.completeRegistration('M20250401', 'token-hash', changes)).toBe(false);
    });
  });

  describe('recordLogin', () => {
    const MOVE_ON = {
      Key: { loginId: 'M20250401' },
      UpdateExpression: 'SET previousLoginAt = lastLoginAt, lastLoginAt = :at, knownDevices = :devices REMOVE inactivityWarnedAt',
      ConditionExpression: 'attribute_exists(lastLoginAt)',
      ExpressionAttributeValues: { ':at': '2025-04-01T10:00:00.000Z', ':devices': ['device-hash'] },
    };
    const FIRST = {
      Key: { loginId: 'M20250401' },
      UpdateExpression: 'SET lastLoginAt = :at, knownDevices = :devices REMOVE inactivityWarnedAt',
      ConditionExpression: 'attribute_exists(loginId) AND attribute_not_exists(lastLoginAt)',
      ExpressionAttributeValues: { ':at': '2025-04-01T10:00:00.000Z', ':devices': ['device-hash'] },
    };
    const sent = () => db.commandCalls(UpdateCommand).map((call) => call.args[0].input);

    it('moves the stored last login to previous in the same write, with the known browsers', async () => {
      // Prepare
      db.on(UpdateCommand).resolves({});

      // Act
      await table.recordLogin('M20250401', '2025-04-01T10:00:00.000Z', ['device-hash']);

      // Assess
      expect(sent()).toEqual([expect.objectContaining(MOVE_ON)]);
    });

    it('sets only the login time at the first login', async () => {
      // Prepare
      db.on(UpdateCommand).rejectsOnce(conditionFailed()).resolvesOnce({});

      // Act
      await table.recordLogin('M20250401', '2025-04-01T10:00:00.000Z', ['device-hash']);

      // Assess
      expect(sent()).toEqual([expect.objectContaining(MOVE_ON), expect.objectContaining(FIRST)]);
    });

    it('moves on after all when a parallel first login wrote its time first; quietly gives up on an account gone', async () => {
      // Prepare
      db.on(UpdateCommand).rejects(conditionFailed());

      // Act
      await table.recordLogin('M20250401', '2025-04-01T10:00:00.000Z', ['device-hash']);

      // Assess
      expect(sent()).toEqual([expect.objectContaining(MOVE_ON), expect.objectContaining(FIRST), expect.objectContaining(MOVE_ON)]);
    });
  });

  describe('changePassword', () => {
    it('sets the history of a registered, enabled account, only while its newest entry is the one read', async () => {
      // Prepare
      db.on(UpdateCommand).resolves({});

      // Act
      const changed = await table.changePassword('M20250401', { from: ['h-1'], to: ['h-new', 'h-1'] });

      // Assess
      expect(changed).toBe(true);
      expect(db).toHaveReceivedCommandWith(UpdateCommand, {
        TableName: TABLE,
        Key: { loginId: 'M20250401' },
        UpdateExpression: 'SET passwordHistory = :history',
        ConditionExpression: '#status = :registered AND attribute_not_exists(disabled) AND passwordHistory[0] = :head',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':history': ['h-new', 'h-1'], ':registered': 'registered', ':head': 'h-1' },
      });
    });

    it('from an empty history, only while it is still empty', async () => {
      // Prepare
      db.on(UpdateCommand).resolves({});

      // Act
      await table.changePassword('M20250401', { from: [], to: ['h-new'] });

      // Assess
      expect(db).toHaveReceivedCommandWith(UpdateCommand, {
        ConditionExpression: '#status = :registered AND attribute_not_exists(disabled) AND attribute_not_exists(passwordHistory[0])',
        ExpressionAttributeValues: { ':history': ['h-new'], ':registered': 'registered' },
      });
    });

    it('with a redeemed reset: only while it is the pending one', async () => {
      // Prepare
      db.on(UpdateCommand).resolves({});

      // Act
      await table.changePassword('M20250401', { from: ['h-1'], to: ['h-new'], redeemed: { tokenHash: 'reset-hash' } });

      // Assess
      expect(db).toHaveReceivedCommandWith(UpdateCommand, {
        UpdateExpression: 'SET passwordHistory = :history',
        ConditionExpression:
          '#status = :registered AND attribute_not_exists(disabled) AND passwordHistory[0] = :head AND pendingResetTokenHash = :token',
        ExpressionAttributeValues: { ':history': ['h-new'], ':registered': 'registered', ':head': 'h-1', ':token': 'reset-hash' },
      });
    });

    it('answers false when the condition fails', async () => {
      db.on(UpdateCommand).rejects(conditionFailed());
      expect(await table.changePassword('M20250401', { from: ['h-1'], to: ['h-new'], redeemed: { tokenHash: 'reset-hash' } })).toBe(false);
    });
  });

  describe('changeEmail', () => {
    it('sets the email only while the change is the pending one, and removes it', async () => {
      // Prepare
      db.on(UpdateCommand).resolves({});

      // Act
      const changed = await table.changeEmail('M20250401', 'change-hash', 'hanako@example.net');

      // Assess
      expect(changed).toBe(true);
      expect(db).toHaveReceivedCommandWith(UpdateCommand, {
        TableName: TABLE,
        Key: { loginId: 'M20250401' },
        UpdateExpression: 'SET email = :email REMOVE pendingEmailChangeTokenHash',
        ConditionExpression: '#status = :registered AND attribute_not_exists(disabled) AND pendingEmailChangeTokenHash = :token',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':email': 'hanako@example.net', ':registered': 'registered', ':token': 'change-hash' },
      });
    });

    it('answers false when the condition fails', async () => {
      db.on(UpdateCommand).rejects(conditionFailed());
      expect(await table.changeEmail('M20250401', 'change-hash', 'hanako@example.net')).toBe(false);
    });
  });

  describe('setDisabled', () => {
    const disabled = { at: '2025-04-01T09:00:00.000Z', reason: 'contract ended', by: 'ops-tanaka' };

    it('sets the mark on an existing account only, never over an earlier one', async () => {
      // Prepare
      db.on(UpdateCommand).resolves({});

      // Act
      const found = await table.setDisabled('M20250401', disabled);

      // Assess
      expect(found).toBe(true);
      expect(db).toHaveReceivedCommandWith(UpdateCommand, {
        TableName: TABLE,
        Key: { loginId: 'M20250401' },
        UpdateExpression: 'SET disabled = :disabled',
        ConditionExpression: 'attribute_exists(loginId) AND attribute_not_exists(disabled)',
        ExpressionAttributeValues: { ':disabled': disabled },
      });
    });

    it('removes the mark to enable, only from a disabled account, restarting the inactivity clock', async () => {
      // Prepare
      db.on(UpdateCommand).resolves({});

      // Act
      await table.enable('M20250401', '2025-04-05T09:00:00.000Z');

      // Assess
      const input = db.commandCalls(UpdateCommand)[0].args[0].input;
      expect(input).toMatchObject({
        UpdateExpression: 'SET enabledAt = :at REMOVE disabled, inactivityWarnedAt',
        ConditionExpression: 'attribute_exists(disabled)',
        ExpressionAttributeValues: { ':at': '2025-04-05T09:00:00.000Z' },
      });
    });

    it('answers false for an unknown login ID or one already so (the condition fails, so nothing is written)', async () => {
      db.on(UpdateCommand).rejects(conditionFailed());
      expect(await table.setDisabled('M99999999', disabled)).toBe(false);
    });
  });

  describe('reissueInitialPassword', () => {
    const issued = {
      initialPasswordHash: 'scrypt$32768$8$3$salt2$key2',
      initialPasswordExpiresAt: '2025-07-10T09:00:00.000Z',
      pendingLetter: { sealedPassword: 'sealed-2', issuedAt: '2025-04-11T09:00:00.000Z' },
    };

    it('sets the new hash, expiry and letter and voids the pending registration, only while invited', async () => {
      // Prepare
      db.on(UpdateCommand).resolves({});

      // Act
      const reissued = await table.reissueInitialPassword('M20250401', issued);

      // Assess
      expect(reissued).toBe(true);
      expect(db).toHaveReceivedCommandWith(UpdateCommand, {
        TableName: TABLE,
        Key: { loginId: 'M20250401' },
        UpdateExpression:
          'SET initialPasswordHash = :hash, initialPasswordExpiresAt = :expiresAt, pendingLetter = :letter REMOVE pendingTokenHash',
        ConditionExpression: '#status = :invited',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':hash': issued.initialPasswordHash,
          ':expiresAt': issued.initialPasswordExpiresAt,
          ':letter': issued.pendingLetter,
          ':invited': 'invited',
        },
      });
    });

    it('answers false when the account is registered or missing (the condition fails, so no item is created)', async () => {
      db.on(UpdateCommand).rejects(conditionFailed());
      expect(await table.reissueInitialPassword('M20250401', issued)).toBe(false);
    });

    it('lets other faults through', async () => {
      const fault = throughputExceeded();
      db.on(UpdateCommand).rejects(fault);
      await expect(table.reissueInitialPassword('M20250401', issued)).rejects.toBe(fault);
    });
  });

  describe('resetRegistration', () => {
    const changes = {
      initialPasswordHash: 'scrypt$32768$8$3$salt3$key3',
      initialPasswordExpiresAt: '2025-06-30T09:00:00.000Z',
      pendingLetter: { sealedPassword: 'sealed-3', issuedAt: '2025-04-01T09:00:00.000Z' },
      passwordHistory: ['scrypt$32768$8$3$salt3$key3', 'h1', 'h2', 'h3'],
    };

    it('makes a registered account invited again under a new initial password, without email or pending requests, only while registered under that email', async () => {
      // Prepare
      db.on(UpdateCommand).resolves({});

      // Act
      const reset = await table.resetRegistration('M20250401', 'hanako@example.com', changes);

      // Assess
      expect(reset).toBe(true);
      expect(db).toHaveReceivedCommandWith(UpdateCommand, {
        TableName: TABLE,
        Key: { loginId: 'M20250401' },
        UpdateExpression:
          'SET #status = :invited, initialPasswordHash = :hash, initialPasswordExpiresAt = :expiresAt, pendingLetter = :letter, passwordHistory = :history ' +
          'REMOVE email, registeredAt, pendingTokenHash, pendingResetTokenHash, pendingEmailChangeTokenHash, knownDevices',
        ConditionExpression: '#status = :registered AND email = :email',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':invited': 'invited',
          ':registered': 'registered',
          ':email': 'hanako@example.com',
          ':hash': changes.initialPasswordHash,
          ':expiresAt': changes.initialPasswordExpiresAt,
          ':letter': changes.pendingLetter,
          ':history': changes.passwordHistory,
        },
      });
    });

    it('answers false when the account is invited, missing or under another email', async () => {
      db.on(UpdateCommand).rejects(conditionFailed());
      expect(await table.resetRegistration('M20250401', 'hanako@example.com', changes)).toBe(false);
    });
  });

  describe('registeredAccounts', () => {
    it('scans for registered accounts, consistently, following every page and skipping empty ones', async () => {
      // Prepare
      const second = { ...registered, loginId: 'M20250403' };
      db.on(ScanCommand)
        .resolvesOnce({ Items: [registered], LastEvaluatedKey: { loginId: 'M20250402' } })
        .resolvesOnce({ Items: [], LastEvaluatedKey: { loginId: 'M20250402x' } })
        .resolvesOnce({ Items: [second] });

      // Act
      const pages: unknown[] = [];
      for await (const page of table.registeredAccounts()) pages.push(page);

      // Assess
      expect(pages).toEqual([[registered], [second]]);
      const inputs = db.commandCalls(ScanCommand).map((call) => call.args[0].input);
      expect(inputs.map((input) => input.ExclusiveStartKey)).toEqual([undefined, { loginId: 'M20250402' }, { loginId: 'M20250402x' }]);
      expect(inputs[0]).toMatchObject({
        TableName: TABLE,
        FilterExpression: '#status = :registered',
        ExpressionAttributeValues: { ':registered': 'registered' },
        ConsistentRead: true,
      });
    });
  });
});
