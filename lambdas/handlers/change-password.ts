import * as z from 'zod/mini';
import { cognitoIdentity } from '../adapters/cognito-identity';
import { accountsTable, limitsTable, sessionsTable } from '../adapters/dynamodb/tables';
import { sesMailer } from '../adapters/ses-mailer';
import { systemClock } from '../adapters/system';
import { loadConfig } from '../config';
import { changePassword } from '../domain/use-cases/change-password';
import { apiHandler } from '../http/api-handler';
import { passwordField } from '../http/fields';
import { apiDefaults, audit, lockoutRule, mailWording } from '../wiring';

const config = loadConfig();
const deps = {
  accounts: accountsTable(config),
  sessions: sessionsTable(config),
  limits: limitsTable(config),
  lockout: lockoutRule(config),
  identity: cognitoIdentity(config),
  mailer: sesMailer(config),
  audit,
  clock: systemClock,
  sessionIdleMinutes: config.SESSION_IDLE_MINUTES,
  wording: mailWording(config),
};

/** パスワード変更 → 変更 (signed in) */
export const handler = apiHandler({
  ...apiDefaults(config),
  body: z.object({
    currentPassword: passwordField('現在のパスワード'),
    newPassword: passwordField('新パスワード'),
    newPasswordConfirmation: passwordField('新パスワード(確認用)'),
  }),
  run: async ({ body, sessionId }) => {
    await changePassword(sessionId, body, deps);
    return { body: { ok: true } };
  },
});
