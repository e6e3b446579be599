import { userInfo } from 'node:os';
import type { StructuredLogger } from '../lambdas/adapters/audit-logger';
import { ALL_ADAPTERS } from '../lambdas/composition/adapters/all';
import { opsNeeds, scheduledNeeds } from '../lambdas/composition/needs';
import { rulesFrom, type Resources } from '../lambdas/composition/resources';
import { compose, type Collaborators } from '../lambdas/composition/root';
import { loadRules, TEXT_DEFAULTS } from '../lambdas/config';
import type { ScheduledEntry } from '../lambdas/schedules';
import { type Invocation, OpsAuditTrail, operatorOf } from './audit-trail';
import { TargetError, type Target } from './target';

/** Who runs the command, for the audit trail: OPS_OPERATOR when set (a shared shell), else the OS user. */
export const operator = () => process.env.OPS_OPERATOR ?? userInfo().username;

/** Log levels above INFO: the ops audit lines (INFO) are left off stderr, as the handlers' are. */
const QUIET_LEVELS = new Set(['WARN', 'ERROR', 'CRITICAL', 'SILENT']);

/** The audit lines on stderr too, so stdout stays the command's answer. */
const echo = (line: string) => {
  if (!QUIET_LEVELS.has((process.env.POWERTOOLS_LOG_LEVEL ?? '').toUpperCase())) process.stderr.write(`${line}\n`);
};

/**
 * Audit lines on stderr only, naming the operator: for the local stack provisioning itself
 * (`npm start`'s demo merchant, the tests' accounts), which is no operator's command.
 */
export const localProvisioningLogger: StructuredLogger = {
  info(message, ...extra) {
    const line = { level: 'INFO', message, timestamp: new Date().toISOString(), service: 'customer-support-web-ops', operator: operator() };
    echo(JSON.stringify(Object.assign(line, ...extra)));
  },
};

/** The command line this process runs (set by cli.ts), for the first line of the trail. */
let invocation: Invocation = { command: 'unknown', args: [] };
/** This run's trail, opened by the first command step that reaches a target. */
let trail: Promise<OpsAuditTrail> | undefined;

export function startInvocation(run: Invocation): void {
  invocation = run;
}

/** The trail of this run on `target`: opened (its first line written) once, before anything is done. */
function trailOn(target: Target): Promise<OpsAuditTrail> {
  trail ??= operatorOf(target, operator()).then((who) => OpsAuditTrail.open(target, invocation, who, echo));
  return trail;
}

/** Writes the outcome and the lines still pending; nothing when no trail was opened (help, bad usage). */
export async function endInvocation(outcome: 'success' | 'failure', reason?: string): Promise<void> {
  const opened = await trail?.catch(() => undefined);
  await opened?.close(outcome, reason);
}

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

/**
 * The collaborators of one target for the ops use cases, within what ops may do (opsNeeds); their
 * audit lines go to this run's trail (opened here, before anything is done) unless a logger is given.
 */
export async function opsDeps(target: Target, logger?: StructuredLogger): Promise<Collaborators> {
  return compose({
    resources: resourcesOf(target),
    needs: opsNeeds,
    adapters: ALL_ADAPTERS,
    owner: 'ops',
    logger: logger ?? (await trailOn(target)),
    region: target.region,
  }).ready();
}

/**
 * A scheduled job's collaborators on the local stack, within that job's needs, mailing as the
 * local handlers do (`ops inactive --run`). A stage's jobs run on AWS only.
 */
export async function jobDeps(target: Target, entry: ScheduledEntry): Promise<Collaborators> {
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
    logger: await trailOn(target),
    region: target.region,
  }).ready();
}
