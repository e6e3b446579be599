/** `npm run ops -- create-account` as an ops engineer runs it beside a running local stack. */
import { startLocalStack, type LocalStack } from '../support/local-stack';
import { scratchDir } from '../support/scratch-dir';
import { runOpsSync } from './support/ops-cli';
import { SiteClient } from './support/site-client';

const workDir = scratchDir('ops-');
const targetFile = workDir.path('target.json');
let stack: LocalStack;

beforeAll(async () => {
  stack = await startLocalStack({ port: 3204, mailboxPort: 18204, publishTarget: targetFile, env: { POWERTOOLS_LOG_LEVEL: 'SILENT' } });
});
afterAll(async () => {
  await stack?.stop();
  workDir.remove();
});

const ops = (args: string[], env: Record<string, string> = { LOCAL_TARGET_FILE: targetFile }) => runOpsSync(args, env);

it('provisions an account whose letter credentials open first login', async () => {
  const created = ops(['create-account', 'SHOP-1001', '--json']);

  expect(created.status).toBe(0);
  const account = JSON.parse(created.stdout);
  expect(account).toEqual({
    loginId: 'SHOP-1001',
    initialPassword: expect.stringMatching(/^\S{14}$/),
    initialPasswordExpiresAt: expect.any(String),
  });
  expect(created.stdout.trim().split('\n')).toHaveLength(1);
  const answer = await new SiteClient(stack.siteUrl).post('/api/first-login', {
    loginId: 'SHOP-1001',
    initialPassword: account.initialPassword,
    email: 'shop1001@example.com',
  });
  expect(answer.status).toBe(200);
});

it('refuses a login ID that exists, with a message and a non-zero exit', () => {
  ops(['create-account', 'SHOP-1002', '--json']);

  const again = ops(['create-account', 'SHOP-1002', '--json']);

  expect(again.status).not.toBe(0);
  expect(again.stdout).toBe('');
  expect(again.stderr).toContain('SHOP-1002 はすでに存在します');
});

it('creates the upper-case account from an ID typed in lower case or full width, and says which ID it stored', async () => {
  const lower = ops(['create-account', 'shop-1004']);
  const fullWidth = ops(['create-account', '\u3000ｓｈｏｐ－１００５']);

  expect(lower.status).toBe(0);
  expect(lower.stdout).toContain('Created SHOP-1004 ("shop-1004" is SHOP-1004: login IDs ignore case and full width)');
  expect(fullWidth.status).toBe(0);
  expect(fullWidth.stdout).toContain('Created SHOP-1005 ("ｓｈｏｐ－１００５" is SHOP-1005');
  expect(JSON.parse(ops(['status', 'shop-1004', '--json']).stdout)).toMatchObject({ loginId: 'SHOP-1004', state: 'invited' });
  // The letter's ID opens first login however the merchant types it.
  const initialPassword = lower.stdout.match(/initial password: (\S+)/)![1]!;
  const answer = await new SiteClient(stack.siteUrl).post('/api/first-login', {
    loginId: 'ｓｈｏｐ－１００４',
    initialPassword,
    email: 'shop1004@example.com',
  });
  expect(answer.status).toBe(200);
});

it('refuses an ID that differs only by case from an existing one, saying it is that ID', () => {
  ops(['create-account', 'SHOP-1006', '--json']);

  const again = ops(['create-account', 'shop-1006', '--json']);

  expect(again.status).toBe(1);
  expect(again.stdout).toBe('');
  expect(again.stderr).toContain(
    'ログインID SHOP-1006 はすでに存在します。 ("shop-1006" is SHOP-1006: login IDs ignore case and full width)',
  );
});

it('refuses a malformed login ID before touching anything', () => {
  const bad = ops(['create-account', 'a b', '--json']);
  expect(bad.status).not.toBe(0);
  expect(bad.stderr).toContain('is not a valid login ID');
});

it('says how to start the local stack when none is running', () => {
  const none = ops(['create-account', 'SHOP-1003'], { LOCAL_TARGET_FILE: workDir.path('absent.json') });
  expect(none.status).not.toBe(0);
  expect(none.stderr).toContain('npm start');
});
