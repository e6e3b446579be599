/**
 * `npm start` as a developer runs it: tsx on local/start.ts in its own process group (a
 * terminal's Ctrl-C reaches the whole group), on unusual ports. Ports 3291–3299 / 18291–18299.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { LOCAL_DIR } from '../../ops/local-target';
import { REPO, runOps } from './support/ops-cli';

const TSX = join(REPO, 'node_modules/.bin/tsx');

/** This process's environment without any port or target choice of its own. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of ['PORT', 'MAILBOX_PORT', 'DYNAMODB_PORT', 'COGNITO_PORT', 'OPS_LOCAL_PORT', 'LOCAL_TARGET_FILE']) delete env[name];
  return { ...env, POWERTOOLS_LOG_LEVEL: 'SILENT', ...extra };
}

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function npmStart(env: Record<string, string>): Started {
  const child = spawn(TSX, ['local/start.ts'], { cwd: REPO, env: cleanEnv(env), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.once('exit', (code, signal) => done({ code, signal })),
  );
  return { child, output: () => output, exited };
}

async function until(condition: () => boolean, what: string, ms = 45_000) {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const ready = (started: Started) =>
  until(() => started.output().includes('is running locally'), 'npm start to be ready').catch((error: Error) => {
    throw new Error(`${error.message}; it printed:\n${started.output()}`);
  });

/** Ctrl-C in a terminal: SIGINT to the whole process group. */
const ctrlC = (started: Started) => process.kill(-started.child.pid!, 'SIGINT');

/** The emulator processes of a stack, found by the mailbox port on their command line. */
function emulatorProcesses(mailboxPort: number): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((pid) => {
      try {
        const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
        return cmdline.includes('emulator-process.ts') && cmdline.includes(`"ses":${mailboxPort}`);
      } catch {
        return false;
      }
    })
    .map(Number);
}

const stateDir = (port: number) => join(LOCAL_DIR, `state-${port}`);
const targetFile = (port: number) => join(LOCAL_DIR, `target-${port}.json`);
const noStackTrace = (text: string) => expect(text).not.toMatch(/^\s+at .+[:(]/m);

function occupy(port: number): Promise<Server> {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => ok(server));
  });
}
const release = (server: Server) => new Promise<void>((ok) => server.close(() => ok()));

describe('a port in use', () => {
  it('is named with the variable that changes it; nothing starts, no stack trace', async () => {
    const taken = await occupy(3291);
    try {
      const start = npmStart({ PORT: '3291', MAILBOX_PORT: '18291' });
      const { code } = await start.exited;
      expect(code).toBe(1);
      expect(start.output()).toContain('port 3291 (the site) is in use: set PORT=… to use another, e.g. `PORT=3292 npm start`.');
      noStackTrace(start.output());
      expect(existsSync(stateDir(3291))).toBe(false);
      expect(emulatorProcesses(18291)).toEqual([]);
    } finally {
      await release(taken);
    }
  });

  it.each([
    ['MAILBOX_PORT', 18292, 'the mailbox'],
    ['DYNAMODB_PORT', 18392, 'the DynamoDB emulator'],
    ['COGNITO_PORT', 18393, 'the Cognito emulator'],
  ])('%s: the emulators’ ports are named too', async (variable, port, role) => {
    const taken = await occupy(port);
    try {
      const start = npmStart({ PORT: '3292', MAILBOX_PORT: '18294', [variable]: String(port) });
      const { code } = await start.exited;
      expect(code).toBe(1);
      expect(start.output()).toContain(`port ${port} (${role}) is in use: set ${variable}=… to use another`);
      noStackTrace(start.output());
      expect(existsSync(stateDir(3292))).toBe(false);
    } finally {
      await release(taken);
    }
  });
});

describe('two stacks in one checkout', () => {
  const a = { PORT: '3295', MAILBOX_PORT: '18295', DYNAMODB_PORT: '18395', COGNITO_PORT: '18396' };
  const b = { PORT: '3296', MAILBOX_PORT: '18296' };
  let first: Started;
  let second: Started;
  beforeAll(async () => {
    first = npmStart(a);
    second = npmStart(b);
    await Promise.all([ready(first), ready(second)]);
  });
  afterAll(async () => {
    for (const started of [first, second]) if (started?.child.exitCode === null) ctrlC(started);
    await Promise.all([first?.exited, second?.exited]);
  });

  it('keep separate state: folders, target files, accounts', async () => {
    expect(first.output()).toContain('http://localhost:3295/');
    expect(first.output()).toContain('http://localhost:18295/');
    expect(existsSync(stateDir(3295)) && existsSync(stateDir(3296))).toBe(true);
    const targetA = JSON.parse(readFileSync(targetFile(3295), 'utf8'));
    const targetB = JSON.parse(readFileSync(targetFile(3296), 'utf8'));
    expect(targetA.endpoints).toEqual({
      dynamodb: 'http://127.0.0.1:18395',
      ses: 'http://127.0.0.1:18295',
      cognito: 'http://127.0.0.1:18396',
      // The CloudWatch Logs stand-in of the ops audit trail takes any free port.
      logs: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/),
    });
    expect(targetB.endpoints.ses).toBe('http://127.0.0.1:18296');
    expect(targetB.endpoints.dynamodb).not.toBe(targetA.endpoints.dynamodb);

    const created = await runOps(['create-account', 'SIDE-0001', '--json'], { OPS_LOCAL_PORT: '3295' });
    expect(created.status).toBe(0);
    expect((await runOps(['status', 'SIDE-0001', '--json'], { OPS_LOCAL_PORT: '3295' })).status).toBe(0);
    const onB = await runOps(['status', 'SIDE-0001', '--json'], { OPS_LOCAL_PORT: '3296' });
    expect(onB.status).not.toBe(0);
  });

  it('print and serve each its own ローカル受信箱, naming the raw SES emulator too', async () => {
    expect(first.output()).toContain('Mailbox:  http://localhost:3295/_local/mailbox');
    expect(first.output()).toContain('raw SES emulator: http://localhost:18295/');
    for (const [port, mailboxPort] of [
      [3295, 18295],
      [3296, 18296],
    ]) {
      const page = await fetch(`http://localhost:${port}/_local/mailbox`);
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toContain('<h1>ローカル受信箱</h1>');
      expect(html).toContain(`SESエミュレーターの画面: <a href="http://localhost:${mailboxPort}/">`);
    }
  });

  it('ops asks which one when no port is given', async () => {
    const ops = await runOps(['status', 'SIDE-0001'], { OPS_LOCAL_PORT: '', PORT: '', LOCAL_TARGET_FILE: '' });
    expect(ops.status).not.toBe(0);
    expect(ops.stderr).toMatch(/local stacks are running \(ports [\d, ]*3295, 3296[\d, ]*\): choose one with OPS_LOCAL_PORT/);
  });

  it('a third start on a taken port leaves the running one alone', async () => {
    const third = npmStart({ PORT: '3295', MAILBOX_PORT: '18297' });
    expect((await third.exited).code).toBe(1);
    expect(third.output()).toContain('port 3295 (the site) is in use: set PORT=');
    expect(existsSync(stateDir(3295))).toBe(true);
    expect(existsSync(targetFile(3295))).toBe(true);
    expect((await runOps(['status', 'SIDE-0001', '--json'], { OPS_LOCAL_PORT: '3295' })).status).toBe(0);
  });

  it('Ctrl-C stops each and removes its state folder and target file', async () => {
    ctrlC(first);
    ctrlC(second);
    expect((await first.exited).code).toBe(0);
    expect((await second.exited).code).toBe(0);
    for (const port of [3295, 3296]) {
      expect(existsSync(stateDir(port))).toBe(false);
      expect(existsSync(targetFile(port))).toBe(false);
    }
    expect(emulatorProcesses(18295)).toEqual([]);
    expect(emulatorProcesses(18296)).toEqual([]);
  });
});

describe('Ctrl-C during the start', () => {
  // These race a signal against a start that takes about a second: on a loaded machine the moment
  // can be missed, so a failed try is tried again (its output is logged).
  jest.retryTimes(2, { logErrorsBeforeRetry: true });
  it.each([
    ['from a terminal (the whole process group)', 3298, 18298, (s: Started) => ctrlC(s)],
    ['to npm start alone (kill -INT)', 3299, 18299, (s: Started) => process.kill(s.child.pid!, 'SIGINT')],
  ])('%s leaves no emulator process, state folder or target file', async (_how, port, mailboxPort, interrupt) => {
    const start = npmStart({ PORT: String(port), MAILBOX_PORT: String(mailboxPort) });
    // Mid-start: the state folder is made and the emulators' process is running.
    await until(() => existsSync(stateDir(port)) && emulatorProcesses(mailboxPort).length > 0, 'the emulators to start');
    expect(start.output()).not.toContain('is running locally');
    interrupt(start);
    const { code } = await start.exited;

    expect(code).toBe(130);
    noStackTrace(start.output());
    await until(() => emulatorProcesses(mailboxPort).length === 0, 'the emulators to go', 5_000);
    expect(existsSync(stateDir(port))).toBe(false);
    expect(existsSync(targetFile(port))).toBe(false);
    // Its ports are free again.
    await release(await occupy(port));
    await release(await occupy(mailboxPort));
  });
});

/**
 * A browser tab, a reload or a readiness check on the site's port every 50 ms from the first
 * moment: each request ends in an answer or a refusal within a few seconds, none is left hanging.
 */
function knockEvery50ms(port: number) {
  const outcomes: { status?: number; retryAfter?: string | null; refused?: boolean; hung?: boolean }[] = [];
  const pending = new Set<Promise<void>>();
  const knock = () => {
    const asked = fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(5_000) }).then(
      async (response) => {
        await response.arrayBuffer();
        outcomes.push({ status: response.status, retryAfter: response.headers.get('retry-after') });
      },
      (error: Error) => outcomes.push(error.name === 'TimeoutError' ? { hung: true } : { refused: true }),
    );
    const counted = asked.then(() => void pending.delete(counted));
    pending.add(counted);
  };
  knock();
  const timer = setInterval(knock, 50);
  return {
    outcomes,
    /** Stops knocking and waits for every request still out. */
    async stop() {
      clearInterval(timer);
      await Promise.all(pending);
    },
  };
}

describe('requests during the start', () => {
  it('are answered (503 with Retry-After while starting, then the site) or refused; the start completes', async () => {
    const knocks = knockEvery50ms(3293);
    const started = Date.now();
    const start = npmStart({ PORT: '3293', MAILBOX_PORT: '18390' });
    try {
      await ready(start);
      const readyMs = Date.now() - started;
      await new Promise((r) => setTimeout(r, 300));
      await knocks.stop();
      console.log(`ready in ${readyMs} ms with ${knocks.outcomes.length} requests during the start`);

      expect(knocks.outcomes.filter((o) => o.hung)).toEqual([]);
      const starting = knocks.outcomes.filter((o) => o.status === 503);
      expect(starting.length).toBeGreaterThan(0);
      expect(starting.every((o) => o.retryAfter === '1')).toBe(true);
      expect(knocks.outcomes.at(-1)).toMatchObject({ status: 200 });
      const api = await fetch('http://127.0.0.1:3293/api/session');
      expect(api.status).toBe(200);
    } finally {
      await knocks.stop();
      if (start.child.exitCode === null) ctrlC(start);
      await start.exited;
    }
  });

  it('a start that fails meanwhile exits 1 within seconds with its reason, leaving no process, port or folder', async () => {
    const knocks = knockEvery50ms(3294);
    const started = Date.now();
    const start = npmStart({
      PORT: '3294',
      MAILBOX_PORT: '18391',
      NODE_OPTIONS: `--require ${join(REPO, 'test/fixtures/start/emulators-fail.cjs')}`,
    });
    const { code } = await start.exited;
    const exitedMs = Date.now() - started;
    await knocks.stop();

    expect(code).toBe(1);
    expect(exitedMs).toBeLessThan(15_000);
    expect(start.output()).toContain('the DynamoDB emulator could not open its storage');
    expect(start.output()).toMatch(/npm start failed: the emulators stopped/);
    noStackTrace(start.output());
    expect(knocks.outcomes.filter((o) => o.hung)).toEqual([]);
    expect(knocks.outcomes.some((o) => o.status === 503)).toBe(true);
    expect(emulatorProcesses(18391)).toEqual([]);
    expect(existsSync(stateDir(3294))).toBe(false);
    expect(existsSync(targetFile(3294))).toBe(false);
    await release(await occupy(3294));
    await release(await occupy(18391));
  });
});
