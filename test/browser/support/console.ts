import type { ConsoleMessage } from '@playwright/test';

/**
 * Chromium notes every 4xx answer in the console as a failed resource. The login page asks
 * GET /api/session whether the visitor is signed in (js/login.ts); a signed-out visitor's 401 is
 * the expected answer, not a problem of the page.
 */
export const isSignedOutCheck = (message: ConsoleMessage): boolean =>
  /status of 401/.test(message.text()) && new URL(message.location().url).pathname === '/api/session';
