/**
 * `npm start`: the whole product on this machine. Prints the demo merchant's letter (initial
 * login ID and password), the site, the local mailbox page and the SES emulator behind it; Ctrl-C stops everything, also during the
 * start. Every port can be changed by a variable (`PORT_VARIABLES`); a taken one is named with it.
 */
import { localTargetFile } from '../ops/local-target';
import { nextFreePort, PortInUseError, PortSettingError, portInUseMessage, portsFromEnvironment } from './ports';
import { SITE_FRAME_VARIABLES } from './site-frame';
import { isStartAborted, type LocalStack, startLocalStack } from './stack';

const DEMO_LOGIN_ID = 'DEMO0001';

async function main() {
  const started = Date.now();
  const ports = portsFromEnvironment(process.env);

  // Ctrl-C (or SIGTERM) at any moment stops what has started; during the start it is the
  // signal that undoes it, once running it is the stack's stop.
  const interrupted = new AbortController();
  let stack: LocalStack | undefined;
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    process.stdout.write('\nStopping…\n');
    if (!stack) return interrupted.abort();
    await stack.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  // `MFA_POLICY=required npm start` tries the stage policy of production.
  // `SITE_BRAND_LOGO=path/to/logo.svg npm start` (and the other SITE_ variables) try a stage's frame.
  const env = Object.fromEntries(
    ['MFA_POLICY', ...Object.values(SITE_FRAME_VARIABLES)].flatMap((name) =>
      process.env[name] === undefined ? [] : [[name, process.env[name]]],
    ),
  );
  stack = await startLocalStack({ ...ports, env, publishTarget: localTargetFile(ports.port), signal: interrupted.signal });
  if (stopping) {
    // The signal came after the last step of the start: stop as if it had come a moment later.
    await stack.stop();
    process.exit(0);
  }
  const demo = await stack.createAccount(DEMO_LOGIN_ID);

  process.stdout.write(
    [
      '',
      `お客様サポートWEB is running locally (ready in ${((Date.now() - started) / 1000).toFixed(1)} s).`,
      '',
      `  Site:     ${stack.siteUrl}/`,
      `  Mailbox:  ${stack.inboxUrl}   (ローカル受信箱: every email the product sends, newest first)`,
      `            raw SES emulator: ${stack.mailboxUrl}/   (GET /store is JSON)`,
      '',
      '  Demo merchant letter:',
      `    初回ログインID:   ${demo.loginId}`,
      `    初回パスワード:   ${demo.initialPassword}`,
      '',
      '  More accounts: npm run --silent ops -- create-account <loginId> --json',
      '  State is fresh on every start. Ctrl-C stops.',
      '',
    ].join('\n'),
  );
}

main().catch(async (error) => {
  if (isStartAborted(error)) process.exit(130);
  const message =
    error instanceof PortInUseError
      ? portInUseMessage(error, await nextFreePort(error.port + 1))
      : error instanceof PortSettingError
        ? error.message
        : `npm start failed: ${(error as Error).message}`;
  process.stderr.write(`${message}\n`);
  process.exit(1);
});
