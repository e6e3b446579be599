/** The limits adapter's conditional writes, against dynalite through the real SDK client. */
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { LimitsTable } from '../../lambdas/adapters/dynamodb/limits-table';
import { tableDefinitions } from '../../lambdas/resources/table-definitions';
import { createTableInput } from '../../local/provision';

const LOCKOUT = { threshold: 5, lockMinutes: 15 };
const RATE = { limit: 3, windowMinutes: 60 };
const T0 = new Date('2026-04-01T09:00:00.000Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

let server: Server;
let table: LimitsTable;

beforeAll(async () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  server = require('dynalite')({ createTableMs: 0 });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', () => ok()));
  const client = new DynamoDBClient({
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    region: 'ap-northeast-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  await client.send(new CreateTableCommand(createTableInput('limits', tableDefinitions.limits)));
  table = new LimitsTable(DynamoDBDocumentClient.from(client), 'limits');
});
afterAll(() => new Promise<void>((done) => server.close(() => done())));

describe('lockout counters', () => {
  it('lock at the fifth consecutive failure, for fifteen minutes', async () => {
    const locks = [];
    for (let i = 0; i < 5; i += 1) locks.push(await table.recordFailure('lockout#login#a', LOCKOUT, at(i)));

    expect(locks).toEqual([false, false, false, false, true]);
    expect(await table.lockedUntil('lockout#login#a', at(5))).toEqual(at(19));
    expect(await table.lockedUntil('lockout#login#a', at(19))).toBeUndefined();
  });

  it('start counting again after a lock, and forget failures on success', async () => {
    for (let i = 0; i < 5; i += 1) await table.recordFailure('lockout#login#b', LOCKOUT, at(0));
    const afterLock = await table.recordFailure('lockout#login#b', LOCKOUT, at(16));
    for (let i = 0; i < 4; i += 1) await table.recordFailure('lockout#login#c', LOCKOUT, at(0));
    await table.clearFailures('lockout#login#c');
    const afterSuccess = await table.recordFailure('lockout#login#c', LOCKOUT, at(1));

    expect(afterLock).toBe(false);
    expect(afterSuccess).toBe(false);
    expect(await table.lockedUntil('lockout#login#c', at(1))).toBeUndefined();
  });
});

describe('rate windows', () => {
  it('allow the limit per window and open a new window when the old one is over', async () => {
    const inFirstHour = [];
    for (let i = 0; i < 4; i += 1) inFirstHour.push(await table.take('mail#account#x', RATE, at(i * 10)));
    const nextHour = await table.take('mail#account#x', RATE, at(61));

    expect(inFirstHour).toEqual([true, true, true, false]);
    expect(nextHour).toBe(true);
  });

  it('count keys apart', async () => {
    for (let i = 0; i < 3; i += 1) await table.take('mail#address#one@example.com', RATE, at(0));
    expect(await table.take('mail#address#two@example.com', RATE, at(0))).toBe(true);
    expect(await table.take('mail#address#one@example.com', RATE, at(1))).toBe(false);
  });

  it('give exactly the limit to simultaneous requests', async () => {
    const results = await Promise.all(Array.from({ length: 8 }, () => table.take('mail#account#rush', RATE, at(0))));
    expect(results.filter(Boolean)).toHaveLength(3);
  });
});
