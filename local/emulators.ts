import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLogsEmulator } from './cloudwatch-logs-emulator';
import { checkPortFree, isAddressInUse, PortInUseError, type PortOption } from './ports';

/** Ports of the three in-process AWS emulators (0: any free port); all bound to 127.0.0.1. */
export interface EmulatorPorts {
  dynamodb: number;
  ses: number;
  cognito: number;
  /** The CloudWatch Logs stand-in (the ops audit trail): any free port unless given. */
  logs?: number;
}

export interface RunningEmulators {
  endpoints: { dynamodb: string; ses: string; cognito: string; logs: string };
  stop(): Promise<void>;
}

const HOST = '127.0.0.1';

function listen(server: Server, port: number): Promise<void> {
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, HOST, () => ok());
  });
}

function close(server: { close(cb: () => void): unknown; closeAllConnections?: () => void }): Promise<void> {
  return new Promise((ok) => {
    server.closeAllConnections?.();
    server.close(() => ok());
  });
}

/** cognito-local reads its listen address from the environment and keeps its state in `./.cognito`. */
async function startCognito(port: number): Promise<Server> {
  process.env.PORT = String(port);
  process.env.HOST = HOST;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { createDefaultServer } = require('cognito-local');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const pino = require('pino');
  const server = await createDefaultServer(pino({ level: 'silent' }));
  return server.start();
}

/** A listen that fails because the port is taken names the port and the option that sets it. */
function namingPort<T>(option: PortOption, port: number, starting: Promise<T>): Promise<T> {
  return starting.catch((error) => {
    throw isAddressInUse(error) ? new PortInUseError(option, port) : error;
  });
}

/**
 * Starts dynalite, aws-ses-v2-local, cognito-local and the CloudWatch Logs stand-in in this process. cognito-local resolves
 * `./.cognito` lazily on every use, so this process must run with its state folder as working
 * directory for its whole life: `emulator-process.ts` is that process.
 */
export async function startEmulators(ports: EmulatorPorts): Promise<RunningEmulators> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const dynalite = require('dynalite');
  const dynamo: Server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await namingPort('dynamodbPort', ports.dynamodb, listen(dynamo, ports.dynamodb));

  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const sesLocal = require('aws-ses-v2-local').default;
  // aws-ses-v2-local does not report a failed listen (the process would die of it): look first.
  await checkPortFree(ports.ses, 'mailboxPort');
  const ses: Server = await sesLocal({ host: HOST, port: ports.ses });

  const cognito = await namingPort('cognitoPort', ports.cognito, startCognito(ports.cognito));
  const logs = createLogsEmulator();
  await listen(logs, ports.logs ?? 0);
  const url = (server: Server) => `http://${HOST}:${(server.address() as AddressInfo).port}`;
  return {
    endpoints: { dynamodb: url(dynamo), ses: url(ses), cognito: url(cognito), logs: url(logs) },
    async stop() {
      await Promise.all([close(dynamo), close(ses), close(cognito), close(logs)]);
    },
  };
}
