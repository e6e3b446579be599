import { userInfo } from 'node:os';
import type { StructuredLogger } from '../lambdas/adapters/audit-logger';
import { ALL_ADAPTERS } from '../lambdas/composition/adapters/all';
import { opsNeeds, scheduledNeeds } from '../lambdas/composition/needs';
import { rulesFrom, type Resources } from '../lambdas/composition/resources';
import { compose, type Collaborators } from '../lambdas/composition/root';
import { loadRules, TEXT_DEFAULTS } from '../lambdas/config';
import type { ScheduledEntry } from '../lambdas/schedules';
import { TargetError, type Target } from './target';

/** Who runs the command, for the audit trail: OPS_OPERATOR when set (a shared shell), else the OS user. */
export const operator = () => process.env.OPS_OPERATOR ?? userInfo().username;

/** Log levels above INFO: the ops audit lines (INFO) are left out, as the handlers' are. */
const QUIET_LEVELS = new Set(['WARN', 'ERROR', 'CRITICAL', 'SILENT']);

/**
 * Audit lines of ops commands, as JSON on stderr so stdout stays the command's answer; each
 * names the operator.
 */
const opsLogger: StructuredLogger = {
  info(message, ...extra) {
    if (QUIET_LEVELS.has((process.env.POWERTOOLS_LOG_LEVEL ?? '').toUpperCase())) return;
    const line = { level: 'INFO', message, timestamp: new Date().toISOString(), service: 'customer-support-web-ops', operator: operator() };
    process.stderr.write(`${JSON.stringify(Object.assign(line, ...extra))}\n`);
  },
};

/** The product's numbers for ops (the initial password's validity…): the defaults, or the environment's. */
export const opsRules = () => rulesFrom(loadRules(process.env));

/** What a target describes, for the composition root: no mail, the letter key. */
function resourcesOf(target: Target): Resources {
  return {
    tables: target.tables,
    userPool: { id: target.userPoolId, clientId: target.userPoolClientId },
    secrets: { letterKey: target.letterKey },
    siteUrl: target.siteUrl,
    rules: opsRules(),
  };
}

/** The collaborators of one target for the ops use cases, within what ops may do (opsNeeds). */
export function opsDeps(target: Target): Promise<Collaborators> {
  return compose({
    resources: resourcesOf(target),
    needs: opsNeeds,
    adapters: ALL_ADAPTERS,
    owner: 'ops',
    logger: opsLogger,
    region: target.region,
  }).ready();
}

/**
 * A scheduled job's collaborators on the local stack, within that job's needs, mailing as the
 * local handlers do (`ops inactive --run`). A stage's jobs run on AWS only.
 */
export function jobDeps(target: Target, entry: ScheduledEntry): Promise<Collaborators> {
  if (!target.mail) throw new TargetError('Scheduled jobs run by hand only on the local stack; a stage runs them on its schedule.');
  const resources: Resources = {
    ...resourcesOf(target),
    mail: {
      fromName: TEXT_DEFAULTS.MAIL_FROM_NAME,
      fromAddress: target.mail.fromAddress,
      wording: {
        brandName: TEXT_DEFAULTS.BRAND_NAME,
        supportContactName: TEXT_DEFAULTS.SUPPORT_CONTACT_NAME,
        supportContactEmail: target.mail.supportContactEmail,
        validityMinutes: loadRules(process.env).REGISTRATION_VALIDITY_MINUTES,
      },
    },
  };
  return compose({
    resources,
    needs: scheduledNeeds[entry],
    adapters: ALL_ADAPTERS,
    owner: `ops (${entry})`,
    logger: opsLogger,
    region: target.region,
  }).ready();
}
