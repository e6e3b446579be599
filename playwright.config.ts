/**
 * Browser tests: the whole local product (real handlers, local AWS emulators) driven through the
 * system Chromium, as a merchant would use it. The stack is started once per worker on its own
 * ports (3100 / 8105; a spec with another MFA policy gets a worker and ports of its own, see
 * test/browser/support/fixtures.ts) so a running `npm start` is left alone.
 */
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'test/browser',
  testMatch: '**/*.spec.ts',
  // One worker: the flows share one local stack, and this machine has two cores.
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    locale: 'ja-JP',
    timezoneId: 'Asia/Tokyo',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      // Never `npx playwright install` here: the Debian Chromium is the browser.
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
});
