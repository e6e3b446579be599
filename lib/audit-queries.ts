import { SECOND_FACTOR_EVENTS, SECOND_STEP_EVENTS } from './audit-events';

/**
 * The saved CloudWatch Logs Insights queries for auditors, over every function's log group (and
 * those of earlier releases' functions). Each
 * audit line is JSON with `audit: true` (Logs Insights reads the boolean as 1), `event`,
 * `outcome`, `loginId`, a masked `email`, `reason`, `requestId`, `sourceIp`, `userAgent` and
 * `timestamp` (README "Audit events"). The period is chosen in the console's time picker.
 * Plain data, no aws-cdk-lib: the console folder is `CustomerSupportWeb/<stage>/`.
 */
export interface AuditQuery {
  /** Shown after the folder: `CustomerSupportWeb/<stage>/<title>`. */
  readonly title: string;
  readonly query: string;
}

/** What the auditor replaces in the first query. */
export const LOGIN_ID_PLACEHOLDER = 'SHOP-0001';

const lines = (...parts: string[]) => parts.join('\n');
const oneOf = (events: readonly string[]) => `[${events.map((event) => `"${event}"`).join(', ')}]`;

export const AUDIT_QUERIES: readonly AuditQuery[] = [
  {
    title: 'Audit - all events of one login ID',
    query: lines(
      `# Replace ${LOGIN_ID_PLACEHOLDER} with the login ID from the merchant's letter.`,
      'fields @timestamp, event, outcome, reason, email, sourceIp, userAgent, requestId',
      `| filter audit = 1 and loginId = "${LOGIN_ID_PLACEHOLDER}"`,
      '| sort @timestamp asc',
      '| limit 10000',
    ),
  },
  {
    title: 'Audit - failed logins by IP',
    query: lines(
      'filter audit = 1 and event = "login" and outcome = "failure"',
      '| stats count(*) as failures, count_distinct(email) as addresses, earliest(@timestamp) as firstSeen, latest(@timestamp) as lastSeen by sourceIp',
      '| sort failures desc',
      '| limit 1000',
    ),
  },
  {
    title: 'Audit - lockouts',
    query: lines(
      'fields @timestamp, flow, loginId, email, minutes, sourceIp, userAgent, requestId',
      '| filter audit = 1 and event = "lockout"',
      '| sort @timestamp desc',
      '| limit 10000',
    ),
  },
  {
    title: 'Audit - password and email changes',
    query: lines(
      'fields @timestamp, event, outcome, reason, loginId, email, previousEmail, sessionsEnded, sourceIp, requestId',
      '| filter audit = 1 and event in ["password.changed", "password-reset.requested", "password-reset.completed", "email-change.requested", "email-change.completed"]',
      '| sort @timestamp desc',
      '| limit 10000',
    ),
  },
  {
    title: 'Audit - registrations in the period',
    query: lines(
      'fields @timestamp, loginId, email, sourceIp, requestId',
      '| filter audit = 1 and event = "registration.completed"',
      '| sort @timestamp asc',
      '| limit 10000',
    ),
  },
  {
    title: 'Audit - registrations per day',
    query: lines(
      'filter audit = 1 and event in ["registration.requested", "registration.completed"]',
      '| stats count(*) as events by bin(1d) as day, event, outcome',
      '| sort day asc',
    ),
  },
  {
    title: 'Audit - second factor of one login ID',
    query: lines(
      `# Replace ${LOGIN_ID_PLACEHOLDER} with the login ID. Counts and flags only: no code, key or secret is ever logged.`,
      'fields @timestamp, event, outcome, reason, method, deviceType, firstFactor, recoveryCodesIssued, remaining, factorsLeft, operator, passkeys, authenticator, recoveryCodes, sessionsEnded, sourceIp, userAgent, requestId',
      `| filter audit = 1 and loginId = "${LOGIN_ID_PLACEHOLDER}" and event in ${oneOf(SECOND_FACTOR_EVENTS)}`,
      '| sort @timestamp asc',
      '| limit 10000',
    ),
  },
  {
    title: 'Audit - failed second steps by login ID',
    query: lines(
      `filter audit = 1 and event in ${oneOf(SECOND_STEP_EVENTS)} and outcome = "failure"`,
      '| stats count(*) as failures, count_distinct(sourceIp) as sourceIps, earliest(@timestamp) as firstSeen, latest(@timestamp) as lastSeen by loginId, event',
      '| sort failures desc',
      '| limit 1000',
    ),
  },
  {
    title: 'Ops - handler errors',
    query: lines(
      'fields @timestamp, message, error.name, error.message, requestId, @logStream',
      '| filter level = "ERROR"',
      '| sort @timestamp desc',
      '| limit 1000',
    ),
  },
];

/** The console folder of a stage's queries. */
export const auditQueryFolder = (stage: string) => `CustomerSupportWeb/${stage}`;

/**
 * Per route, over API Gateway's access log (one JSON line per request): how often each route was
 * asked, its 4xx and 5xx answers and its latency. The functions serve a zone each, so their own
 * metrics cannot tell routes apart; this can, without a resource per route.
 */
export const API_ROUTE_QUERY: AuditQuery = {
  title: 'API - errors and latency by route',
  query: lines(
    'fields routeKey, status, latencyMs',
    '| stats count(*) as requests, sum(status >= 400 and status < 500) as answers4xx, sum(status >= 500) as answers5xx, pct(latencyMs, 50) as p50ms, pct(latencyMs, 99) as p99ms by routeKey',
    '| sort answers5xx desc, requests desc',
  ),
};
