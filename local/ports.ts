import { createServer, type Server } from 'node:net';

/** The local stack's ports, by the option of `startLocalStack` that sets each. */
export type PortOption = 'port' | 'mailboxPort' | 'dynamodbPort' | 'cognitoPort';

/** What each port serves, for messages. */
export const PORT_ROLES: Record<PortOption, string> = {
  port: 'the site',
  mailboxPort: 'the mailbox',
  dynamodbPort: 'the DynamoDB emulator',
  cognitoPort: 'the Cognito emulator',
};

/** The variable of `npm start` that sets each port, its default (0: any free port), whether 0 may be given. */
export const PORT_VARIABLES: Record<PortOption, { name: string; fallback: number; anyFree: boolean }> = {
  port: { name: 'PORT', fallback: 3000, anyFree: false },
  mailboxPort: { name: 'MAILBOX_PORT', fallback: 8005, anyFree: true },
  dynamodbPort: { name: 'DYNAMODB_PORT', fallback: 0, anyFree: true },
  cognitoPort: { name: 'COGNITO_PORT', fallback: 0, anyFree: true },
};

/** A port variable that holds no port. */
export class PortSettingError extends Error {}

/** The ports `npm start` uses: each variable of PORT_VARIABLES, else its default. */
export function portsFromEnvironment(env: NodeJS.ProcessEnv): Record<PortOption, number> {
  const entries = Object.entries(PORT_VARIABLES).map(([option, { name, fallback, anyFree }]) => {
    const value = env[name]?.trim();
    if (value === undefined || value === '') return [option, fallback];
    const port = /^\d+$/.test(value) ? Number(value) : Number.NaN;
    const lowest = anyFree ? 0 : 1;
    if (!(port >= lowest && port <= 65535))
      throw new PortSettingError(
        `${name}=${value} is not a port: use a number from ${lowest} to 65535${anyFree ? ' (0: any free port)' : ''}.`,
      );
    return [option, port];
  });
  return Object.fromEntries(entries) as Record<PortOption, number>;
}

/** What `npm start` says of a taken port: which one, what for, and the variable that moves it. */
export function portInUseMessage(error: PortInUseError, freePort?: number): string {
  const { name } = PORT_VARIABLES[error.option];
  const example = freePort ? `, e.g. \`${name}=${freePort} npm start\`` : '';
  return `port ${error.port} (${PORT_ROLES[error.option]}) is in use: set ${name}=… to use another${example}.`;
}

/** A port the local stack needs is taken by another process. */
export class PortInUseError extends Error {
  constructor(
    readonly option: PortOption,
    readonly port: number,
  ) {
    super(`port ${port} (${PORT_ROLES[option]}) is in use`);
  }
}

export const isAddressInUse = (error: unknown) => (error as NodeJS.ErrnoException | undefined)?.code === 'EADDRINUSE';

/** Binds `port` on 127.0.0.1 and keeps it until `release` (the site's port: `holdSitePort`). */
export function holdPort(port: number, option: PortOption): Promise<{ release(): Promise<void> }> {
  return new Promise((ok, fail) => {
    // A connection while the port is only held is dropped at once: the close never waits on it.
    const server: Server = createServer((socket) => socket.destroy());
    server.once('error', (error) => fail(isAddressInUse(error) ? new PortInUseError(option, port) : error));
    server.listen({ port, host: '127.0.0.1', exclusive: true }, () =>
      ok({ release: () => new Promise<void>((done) => (server.listening ? server.close(() => done()) : done())) }),
    );
  });
}

/** Fails with PortInUseError when `port` cannot be bound now (0: any free port, always fine). */
export async function checkPortFree(port: number, option: PortOption): Promise<void> {
  if (port === 0) return;
  const held = await holdPort(port, option);
  await held.release();
}

/** The first port from `start` on (at most `tries` of them) that is free now, for a suggestion. */
export async function nextFreePort(start: number, tries = 20): Promise<number | undefined> {
  for (let port = start; port < Math.min(start + tries, 65536); port += 1) {
    if (
      await checkPortFree(port, 'port').then(
        () => true,
        () => false,
      )
    )
      return port;
  }
  return undefined;
}
