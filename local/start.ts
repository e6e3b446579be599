/**
 * `npm start`: the whole product on this machine. Prints the demo merchant's letter (initial
 * login ID and password), the site and the mailbox; Ctrl-C stops everything.
 */
import { LOCAL_TARGET_FILE } from '../ops/local-target';
import { startLocalStack } from './stack';

const DEMO_LOGIN_ID = 'DEMO0001';

async function main() {
  const started = Date.now();
  const stack = await startLocalStack({ port: Number(process.env.PORT ?? 3000), publishTarget: LOCAL_TARGET_FILE });
  const demo = await stack.createAccount(DEMO_LOGIN_ID);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    process.stdout.write('\nStopping…\n');
    await stack.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  process.stdout.write(
    [
      '',
      `お客様サポートWEB is running locally (ready in ${((Date.now() - started) / 1000).toFixed(1)} s).`,
      '',
      `  Site:     ${stack.siteUrl}/`,
      `  Mailbox:  ${stack.mailboxUrl}/   (every email the product sends)`,
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

main().catch((error) => {
  process.stderr.write(`npm start failed: ${(error as Error).message}\n`);
  process.exit(1);
});
