import { CreateTableCommand, DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tableDefinitions, type TableKey } from '../../lambdas/resources/table-definitions';
import { createTableInput } from '../../local/provision';

/** dynalite in this process, on a free port, reached through the real SDK clients. */
export interface Dynalite {
  readonly db: DynamoDBDocumentClient;
  /** A new, empty table shaped like the product's `key` table; each call gets its own name. */
  createTable(key: TableKey): Promise<string>;
  stop(): Promise<void>;
}

export async function startDynalite(): Promise<Dynalite> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const server: Server = require('dynalite')({ createTableMs: 0 });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', () => ok()));
  const client = new DynamoDBClient({
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    region: 'ap-northeast-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  let tables = 0;
  return {
    db: DynamoDBDocumentClient.from(client),
    async createTable(key) {
      const name = `${key}-${(tables += 1)}`;
      await client.send(new CreateTableCommand(createTableInput(name, tableDefinitions[key])));
      // dynalite makes the table ACTIVE a moment later: a write before that finds no table.
      for (;;) {
        const { Table } = await client.send(new DescribeTableCommand({ TableName: name }));
        if (Table?.TableStatus === 'ACTIVE') return name;
        await new Promise((wait) => setTimeout(wait, 10));
      }
    },
    stop: () => {
      client.destroy();
      return new Promise<void>((done) => server.close(() => done()));
    },
  };
}

/**
 * Starts dynalite for the test file and stops it after; `dynalite()` is the running instance.
 * Call at the top level of a test file.
 */
export function useDynalite(): () => Dynalite {
  let running: Dynalite | undefined;
  beforeAll(async () => {
    running = await startDynalite();
  });
  afterAll(() => running?.stop());
  return () => {
    if (!running) throw new Error('dynalite is not running (use it inside a test or hook)');
    return running;
  };
}
