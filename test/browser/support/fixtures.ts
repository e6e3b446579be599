/**
 * The fixtures every browser spec uses: one local product per worker, its mailbox, a fresh
 * merchant account per test, and a guard that fails a test whose page broke the Content
 * Security Policy or threw a script error (those fail silently for a merchant).
 */
import { expect, test as base, type Page } from '@playwright/test';
import { startLocalStack, type LocalStack } from '../../support/local-stack';
import { Mailbox } from './mailbox';
import type { MerchantAccount } from './merchant';
import { registerMerchant, type RegisteredMerchant } from './registered-merchant';

interface WorkerFixtures {
  stack: LocalStack;
  /** Settings of the stack's handlers a spec changes (`test.use`); such a spec gets its own worker and stack. */
  stackEnv: Record<string, string>;
}

interface TestFixtures {
  mailbox: Mailbox;
  account: MerchantAccount;
  /** A fresh address per test, so mails of different tests never mix. */
  email: string;
  /** A merchant already registered with `email` (through the API), not logged in anywhere. */
  merchant: RegisteredMerchant;
  /** A page in a second browser context: another browser of the same merchant, with its own cookies. */
  otherPage: Page;
  pageProblems: string[];
}

/** Clear of `npm start` (3000, 8005, 8000, 9229), so both can run at once. */
const TEST_PORTS = { port: 3100, mailboxPort: 8105, dynamodbPort: 8100, cognitoPort: 9329 };

/**
 * A stack with settings of its own (a worker of its own) takes ports 10 above, so it never waits
 * for the ports of the worker before it to be released.
 */
const portsFor = (stackEnv: Record<string, string>) =>
  Object.keys(stackEnv).length === 0 ? TEST_PORTS : Object.fromEntries(Object.entries(TEST_PORTS).map(([name, port]) => [name, port + 10]));

let addressCount = 0;

/** A new address no test has used yet. */
export function freshEmail(label = 'merchant'): string {
  addressCount += 1;
  return `${label}.${Date.now().toString(36)}.${addressCount}@example.com`;
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  stackEnv: [{}, { scope: 'worker', option: true }],
  stack: [
    async ({ stackEnv }, use) => {
      const stack = await startLocalStack({
        ...portsFor(stackEnv),
        // The handlers' audit lines drown the test report; POWERTOOLS_LOG_LEVEL=INFO shows them.
        env: { POWERTOOLS_LOG_LEVEL: process.env.POWERTOOLS_LOG_LEVEL ?? 'WARN', ...stackEnv },
      });
      await use(stack);
      await stack.stop();
    },
    { scope: 'worker', timeout: 60_000 },
  ],
  baseURL: async ({ stack }, use) => use(stack.siteUrl),
  mailbox: async ({ stack }, use) => use(new Mailbox(stack.mailboxUrl)),
  account: async ({ stack }, use) => use(await stack.createAccount()),
  // eslint-disable-next-line no-empty-pattern
  email: async ({}, use) => use(freshEmail()),
  merchant: async ({ stack, mailbox, email }, use) => use(await registerMerchant(stack, mailbox, email)),
  otherPage: async ({ browser, stack, locale, timezoneId }, use) => {
    const context = await browser.newContext({ baseURL: stack.siteUrl, locale, timezoneId });
    const page = await context.newPage();
    await use(page);
    await context.close();
  },
  pageProblems: [
    async ({ page }, use) => {
      const problems: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) problems.push(message.text());
      });
      page.on('pageerror', (error) => problems.push(`script error: ${error.message}`));
      await use(problems);
      expect(problems, 'the page broke its CSP or threw').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
