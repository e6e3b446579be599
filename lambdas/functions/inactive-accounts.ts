import { sesMailer } from '../composition/adapters/mailer';
import { scheduledHandler } from '../composition/scheduled-handler';
import { disableInactiveAccounts } from '../domain/use-cases/scheduled/disable-inactive-accounts';

/** EventBridge, daily: the inactivity rule with the stage's days (the rule exists only where they are set). */
export const handler = scheduledHandler('inactive-accounts', { mailer: sesMailer }, async (deps) => {
  const days = deps.inactiveDisableDays;
  if (!days) return { days: 'off' };
  return { days, ...(await disableInactiveAccounts(days, deps)) };
});
