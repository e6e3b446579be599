/**
 * The inactivity rule (PCI DSS 8.2.6) on the emulators, through the real SDK clients: the
 * scheduled handler itself, then `ops inactive` (dry run and --run) as ops tries it locally.
 * Old dates are written straight into the accounts table, as years of disuse would leave them.
 */
import { DynamoDBDocumentClient, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { Mailbox } from '../browser/support/mailbox';
import { startLocalStack, type LocalStack } from '../support/local-stack';
import { scratchDir } from '../support/scratch-dir';
import { loggedIn, registeredMerchant } from './support/merchant';
import { runOps } from './support/ops-cli';
import { SiteClient } from './support/site-client';

const WARNING_SUBJECT = '【GMOフィナンシャルゲート】お客様サポートWEB ご利用停止予定のお知らせ';
const DAY = 86_400_000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY).toISOString();

const workDir = scratchDir('inactive-accounts-');
const targetFile = workDir.path('target.json');
let stack: LocalStack;
let mailbox: Mailbox;
let db: DynamoDBDocumentClient;
/** Used 80 days ago: due for its warning. */
let idle: { loginId: string; email: string; password: string };
/** Used 120 days ago and warned 20 days ago: due for the disable. */
let warned: { loginId: string; email: string; password: string };
/** Signed in today. */
let active: { loginId: string; email: string; password: string };

jest.setTimeout(90_000);

const ops = (...args: string[]) =>
  runOps(args, { LOCAL_TARGET_FILE: targetFile, OPS_OPERATOR: 'ops.tanaka', POWERTOOLS_LOG_LEVEL: 'SILENT' });
const stored = async (loginId: string) =>
  (await db.send(new GetCommand({ TableName: stack.target.tables.accounts, Key: { loginId }, ConsistentRead: true }))).Item!;
async function age(loginId: string, values: Record<string, string>) {
  await db.send(
    new UpdateCommand({
      TableName: stack.target.tables.accounts,
      Key: { loginId },
      UpdateExpression: `SET ${Object.keys(values)
        .map((name) => `${name} = :${name}`)
        .join(', ')}`,
      ExpressionAttributeValues: Object.fromEntries(Object.entries(values).map(([name, value]) => [`:${name}`, value])),
    }),
  );
}
const canLogIn = async (who: { email: string; password: string }) =>
  (await new SiteClient(stack.siteUrl).post('/api/login', { loginId: who.email, password: who.password })).status === 200;

beforeAll(async () => {
  stack = await startLocalStack({
    port: 3212,
    mailboxPort: 18212,
    publishTarget: targetFile,
    env: { POWERTOOLS_LOG_LEVEL: 'SILENT', INACTIVE_DISABLE_DAYS: '90' },
  });
  mailbox = new Mailbox(stack.mailboxUrl);
  db = DynamoDBDocumentClient.from(new DynamoDBClient({}));
  [idle, warned, active] = await Promise.all([registeredMerchant(stack), registeredMerchant(stack), registeredMerchant(stack)]);
  await loggedIn(stack, active.email);
  await age(idle.loginId, { registeredAt: daysAgo(200), lastLoginAt: daysAgo(80) });
  await age(warned.loginId, { registeredAt: daysAgo(200), lastLoginAt: daysAgo(120), inactivityWarnedAt: daysAgo(20) });
});
afterAll(async () => {
  await stack?.stop();
  workDir.remove();
});

describe('the inactivity rule against the emulators', () => {
  it('ops inactive lists the accounts by last use, oldest first, with what a run would do, and changes nothing', async () => {
    // Act
    const run = await ops('inactive', '--days', '90');
    const listed = JSON.parse((await ops('inactive', '--days', '90', '--json')).stdout) as {
      accounts: { loginId: string; verdict: { action: string; idleDays: number } }[];
    };

    // Assess
    expect(run.status).toBe(0);
    const lines = run.stdout.split('\n');
    const lineOf = (loginId: string) => lines.findIndex((line) => line.includes(loginId));
    expect(lineOf(warned.loginId)).toBeLessThan(lineOf(idle.loginId));
    expect(lineOf(idle.loginId)).toBeLessThan(lineOf(active.loginId));
    expect(lines[lineOf(warned.loginId)]).toMatch(/\(120 days\)\s+would be DISABLED, warned \d{4}-\d{2}-\d{2} \d{2}:\d{2} JST/);
    expect(lines[lineOf(idle.loginId)]).toMatch(/\(80 days\)\s+would be WARNED, disable from/);
    expect(lines[lineOf(active.loginId)]).toMatch(/\(0 days\)\s+-$/);
    expect(run.stdout).toMatch(/1 would be warned, 1 disabled, 0 waiting out a warning, 1 active/);
    const mine = listed.accounts.filter((a) => [idle, warned, active].some((m) => m.loginId === a.loginId));
    expect(mine.map((a) => a.verdict.action)).toEqual(['disable', 'warn', 'none']);
    expect(await mailbox.subjectsTo(idle.email)).not.toContain(WARNING_SUBJECT);
    expect(await stored(warned.loginId)).not.toHaveProperty('disabled');
  });

  it('the scheduled handler warns the idle account by email and disables the warned one; ops --run then finds nothing to do', async () => {
    // Act
    const { handler } = require('../../lambdas/functions/inactive-accounts') as { handler: () => Promise<Record<string, unknown>> };
    const result = await handler();
    const again = await ops('inactive', '--days', '90', '--run', '--json');

    // Assess
    expect(result).toMatchObject({ days: 90, warned: 1, disabled: 1 });
    expect(again.status).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ days: 90, warned: 0, disabled: 0 });
    const warning = await mailbox.mailWithSubject(idle.email, WARNING_SUBJECT);
    expect(warning.body.text).toMatch(/最終ご利用日 : \d{4}年\d{1,2}月\d{1,2}日/);
    expect(warning.body.text).toMatch(/ご利用停止予定日 : \d{4}年\d{1,2}月\d{1,2}日/);
    expect(warning.body.text).toContain(`ログインページ : ${stack.siteUrl}/`);
    expect((await mailbox.subjectsTo(idle.email)).filter((s) => s === WARNING_SUBJECT)).toHaveLength(1);
    expect(await mailbox.subjectsTo(warned.email)).not.toContain(WARNING_SUBJECT);
    expect((await stored(idle.loginId)).inactivityWarnedAt).toEqual(expect.any(String));
    expect((await stored(warned.loginId)).disabled).toEqual({
      at: expect.any(String),
      by: 'system',
      reason: 'inactive 90 days (PCI DSS 8.2.6)',
    });
    expect(await canLogIn(warned)).toBe(false);
    expect(await stored(active.loginId)).not.toHaveProperty('inactivityWarnedAt');
  });

  it('status shows the warning and the disable by the rule; a sign-in takes the warning away', async () => {
    // Act
    const idleStatus = await ops('status', idle.loginId);
    const warnedStatus = await ops('status', warned.loginId);
    await loggedIn(stack, idle.email, idle.password);
    const afterSignIn = await ops('status', idle.loginId);

    // Assess
    expect(idleStatus.stdout).toMatch(/inactivity:\s+warning sent \d{4}-\d{2}-\d{2} \d{2}:\d{2} JST/);
    expect(warnedStatus.stdout).toMatch(/disabled:\s+\d{4}-\d{2}-\d{2} \d{2}:\d{2} JST by system: inactive 90 days \(PCI DSS 8\.2\.6\)/);
    expect(afterSignIn.stdout).not.toContain('inactivity:');
    expect(await stored(idle.loginId)).not.toHaveProperty('inactivityWarnedAt');
  });

  it('ops enable brings the disabled account back, and the next run does not disable it again', async () => {
    // Act
    const enabled = await ops('enable', warned.loginId, '--reason', 'merchant called back, ticket 4801');
    const next = await ops('inactive', '--days', '90', '--run', '--json');

    // Assess
    expect(enabled.status).toBe(0);
    expect(JSON.parse(next.stdout)).toMatchObject({ warned: 0, disabled: 0 });
    expect(await stored(warned.loginId)).not.toHaveProperty('disabled');
    expect((await stored(warned.loginId)).enabledAt).toEqual(expect.any(String));
    expect(await canLogIn(warned)).toBe(true);
  });
});
