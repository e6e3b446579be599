import { Match } from 'aws-cdk-lib/assertions';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ZONES } from '../../lambdas/routes';
import { SECOND_FACTOR_EVENTS, SECOND_STEP_EVENTS } from '../../lib/audit-events';
import { API_ROUTE_QUERY, AUDIT_QUERIES, LOGIN_ID_PLACEHOLDER } from '../../lib/audit-queries';
import { repoRoot } from '../../lib/paths';
import { resourcesWithPrefix, synthStage } from './support/synth';

const { web } = synthStage('dev');
const logGroupRefs = (pattern: RegExp) =>
  Object.keys(web.findResources('AWS::Logs::LogGroup'))
    .filter((id) => pattern.test(id))
    .sort((a, b) => a.localeCompare(b))
    .map((id) => ({ Ref: id }));
/** The log groups of the functions of the zones, which audit lines reach now. */
const functionLogGroupRefs = () => logGroupRefs(/^Routes\w+ZoneLogs/);
/** Those and the earlier functions' ones, where older audit lines stay. */
const auditLogGroupRefs = () => logGroupRefs(/^Routes\w+Logs/);
const alarm = (name: string) =>
  Object.values(web.findResources('AWS::CloudWatch::Alarm')).find((a) => a.Properties.AlarmName === name)?.Properties;
const opsTopicRef = expect.objectContaining({
  'Fn::GetStackOutput': expect.objectContaining({
    StackName: 'CustomerSupportWeb-dev-Data',
    OutputName: expect.stringMatching(/OpsTopic/),
  }),
});

describe('audit metrics', () => {
  it.each([
    ['FailedLogins', '{ ($.audit IS TRUE) && ($.event = "login") && ($.outcome = "failure") }'],
    ['Lockouts', '{ ($.audit IS TRUE) && ($.event = "lockout") }'],
    ['FailedPasskeySignIns', '{ ($.audit IS TRUE) && ($.event = "passkey.sign-in") && ($.outcome = "failure") }'],
    [
      'FailedSecondSteps',
      '{ ($.audit IS TRUE) && (($.event = "mfa.second-factor") || ($.event = "passkey.second-step")) && ($.outcome = "failure") }',
    ],
  ])('count %s from the audit lines of every function’s log group', (metricName, pattern) => {
    const filters = Object.values(web.findResources('AWS::Logs::MetricFilter')).filter(
      (f) => f.Properties.MetricTransformations[0].MetricName === metricName,
    );
    expect(functionLogGroupRefs()).toHaveLength(ZONES.length);
    expect(filters.map((f) => f.Properties.LogGroupName).sort((a, b) => a.Ref.localeCompare(b.Ref))).toEqual(functionLogGroupRefs());
    for (const filter of filters) {
      expect(filter.Properties.FilterPattern).toBe(pattern);
      expect(filter.Properties.MetricTransformations).toEqual([
        { MetricNamespace: 'CustomerSupportWeb/dev', MetricName: metricName, MetricValue: '1' },
      ]);
    }
  });

  /** The merchant's use cases, as one text: the names of the audit lines they write. */
  const useCaseSources = () => {
    const dir = join(repoRoot, 'lambdas', 'domain', 'use-cases', 'merchant');
    return readdirSync(dir)
      .map((file) => readFileSync(join(dir, file), 'utf8'))
      .join('\n');
  };

  it.each(SECOND_STEP_EVENTS)('count the second-step failures the use cases write as %s', (event) => {
    expect(useCaseSources()).toContain(`event: '${event}', outcome: 'failure'`);
  });

  it('name in the second-factor query only events the merchant use cases write (mfa.reset is the ops reset)', () => {
    const sources = useCaseSources();
    for (const event of SECOND_FACTOR_EVENTS.filter((e) => e !== 'mfa.reset')) {
      expect([event, sources.includes(`event: '${event}'`)]).toEqual([event, true]);
    }
  });
});

describe('alarms', () => {
  it('all notify the ops topic of the data stack, on alarm and on recovery, and ignore missing data', () => {
    const alarms = Object.values(web.findResources('AWS::CloudWatch::Alarm'));
    expect(alarms.length).toBe(ZONES.length + 6);
    for (const { Properties } of alarms) {
      expect(Properties.AlarmActions).toEqual([opsTopicRef]);
      expect(Properties.OKActions).toEqual([opsTopicRef]);
      expect(Properties.TreatMissingData).toBe('notBreaching');
      expect(Properties.AlarmName).toMatch(/^CustomerSupportWeb-dev-/);
      expect(Properties.AlarmDescription).toBeTruthy();
    }
  });

  it('watch the API 5xx rate (above 5 % of at least 10 requests, in two of three 5-minute periods)', () => {
    const rate = alarm('CustomerSupportWeb-dev-api-5xx-rate');
    expect(rate).toMatchObject({ Threshold: 5, ComparisonOperator: 'GreaterThanThreshold', EvaluationPeriods: 3, DatapointsToAlarm: 2 });
    const expression = rate.Metrics.find((m: { Expression?: string }) => m.Expression);
    expect(expression.Expression).toBe('IF(requests >= 10, 100 * errors / requests, 0)');
    const metricNames = rate.Metrics.filter((m: { MetricStat?: unknown }) => m.MetricStat).map(
      (m: { MetricStat: { Metric: { Namespace: string; MetricName: string; Dimensions: { Name: string }[] } } }) => [
        m.MetricStat.Metric.Namespace,
        m.MetricStat.Metric.MetricName,
        m.MetricStat.Metric.Dimensions.map((d) => d.Name).sort(),
      ],
    );
    expect(metricNames).toEqual(
      expect.arrayContaining([
        ['AWS/ApiGateway', 'Count', ['ApiId', 'Stage']],
        ['AWS/ApiGateway', '5xx', ['ApiId', 'Stage']],
      ]),
    );
  });

  it.each(ZONES)('watch the errors and throttles of the %s function in one alarm', (zone) => {
    const failures = alarm(`CustomerSupportWeb-dev-lambda-failures-${zone}`);
    expect(failures).toMatchObject({ Threshold: 1, ComparisonOperator: 'GreaterThanOrEqualToThreshold' });
    expect(failures.Metrics.find((m: { Expression?: string }) => m.Expression).Expression).toBe('errors + throttles');
    const stats = failures.Metrics.filter((m: { MetricStat?: unknown }) => m.MetricStat).map(
      (m: {
        Id: string;
        MetricStat: { Metric: { Namespace: string; MetricName: string; Dimensions: unknown[] }; Stat: string; Period: number };
      }) => [
        m.Id,
        m.MetricStat.Metric.Namespace,
        m.MetricStat.Metric.MetricName,
        m.MetricStat.Stat,
        m.MetricStat.Period,
        m.MetricStat.Metric.Dimensions,
      ],
    );
    const dimensions = [{ Name: 'FunctionName', Value: { Ref: expect.stringMatching(/^Routes\w+ZoneFunction/) } }];
    expect(stats).toEqual(
      expect.arrayContaining([
        ['errors', 'AWS/Lambda', 'Errors', 'Sum', 300, dimensions],
        ['throttles', 'AWS/Lambda', 'Throttles', 'Sum', 300, dimensions],
      ]),
    );
  });

  it('take every threshold from the stage', () => {
    const set = synthStage('dev', {
      functionFailuresAlarmPer5Min: 3,
      api5xxAlarmPercent: 2,
      sesBounceRateAlarm: 0.03,
      sesComplaintRateAlarm: 0.0005,
    }).web;
    const named = (name: string) =>
      Object.values(set.findResources('AWS::CloudWatch::Alarm')).find((a) => a.Properties.AlarmName === name)?.Properties;
    for (const zone of ZONES) expect(named(`CustomerSupportWeb-dev-lambda-failures-${zone}`)).toMatchObject({ Threshold: 3 });
    expect(named('CustomerSupportWeb-dev-api-5xx-rate')).toMatchObject({ Threshold: 2 });
    expect(named('CustomerSupportWeb-dev-ses-bounce-rate')).toMatchObject({ Threshold: 0.03 });
    expect(named('CustomerSupportWeb-dev-ses-complaint-rate')).toMatchObject({ Threshold: 0.0005 });
  });

  it('raise failed-login and lockout spikes at the stage thresholds', () => {
    expect(alarm('CustomerSupportWeb-dev-failed-logins-spike')).toMatchObject({
      Namespace: 'CustomerSupportWeb/dev',
      MetricName: 'FailedLogins',
      Statistic: 'Sum',
      Period: 300,
      Threshold: 30,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
    });
    expect(alarm('CustomerSupportWeb-dev-lockouts-spike')).toMatchObject({ MetricName: 'Lockouts', Threshold: 5 });
    const stricter = synthStage('dev', { failedLoginsAlarmPer5Min: 12, lockoutsAlarmPer5Min: 2 }).web;
    stricter.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: 'FailedLogins', Threshold: 12 });
    stricter.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: 'Lockouts', Threshold: 2 });
  });

  it('raise a spike of refused second sign-in steps at the stage threshold (10 unless set)', () => {
    expect(alarm('CustomerSupportWeb-dev-failed-second-steps-spike')).toMatchObject({
      Namespace: 'CustomerSupportWeb/dev',
      MetricName: 'FailedSecondSteps',
      Statistic: 'Sum',
      Period: 300,
      Threshold: 10,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      EvaluationPeriods: 1,
    });
    const unset = synthStage('prod', { failedSecondStepsAlarmPer5Min: undefined }).web;
    unset.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: 'FailedSecondSteps', Threshold: 10 });
    const stricter = synthStage('dev', { failedSecondStepsAlarmPer5Min: 4 }).web;
    stricter.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: 'FailedSecondSteps', Threshold: 4 });
  });

  it('point to saved queries that exist', () => {
    const pointed = Object.values(web.findResources('AWS::CloudWatch::Alarm')).flatMap((a) =>
      [...String(a.Properties.AlarmDescription).matchAll(/saved query "([^"]+)"/g)].map((m) => m[1]),
    );
    expect(pointed).toEqual(expect.arrayContaining(['Audit - failed logins by IP', 'Audit - failed second steps by login ID']));
    for (const title of pointed) expect([...AUDIT_QUERIES, API_ROUTE_QUERY].map((q) => q.title)).toContain(title);
  });

  it('watch the SES bounce rate (5 %) and complaint rate (0.1 %)', () => {
    expect(alarm('CustomerSupportWeb-dev-ses-bounce-rate')).toMatchObject({
      Namespace: 'AWS/SES',
      MetricName: 'Reputation.BounceRate',
      Statistic: 'Maximum',
      Threshold: 0.05,
    });
    expect(alarm('CustomerSupportWeb-dev-ses-complaint-rate')).toMatchObject({ MetricName: 'Reputation.ComplaintRate', Threshold: 0.001 });
  });
});

describe('saved Logs Insights queries', () => {
  const definitions = () => Object.values(web.findResources('AWS::Logs::QueryDefinition')).map((q) => q.Properties);

  it('sit in one folder per stage and read every function’s log group, the earlier functions’ and the ops command’s too', () => {
    const audit = definitions().filter((d) => d.Name !== `CustomerSupportWeb/dev/${API_ROUTE_QUERY.title}`);
    expect(audit).toHaveLength(AUDIT_QUERIES.length);
    // 40: three functions and the 37 of the earlier layout, within the 50 a query may read.
    expect(auditLogGroupRefs()).toHaveLength(40);
    for (const definition of audit) {
      expect(definition.Name).toMatch(/^CustomerSupportWeb\/dev\/(Audit|Ops) - /);
      const [refs, names] = [
        definition.LogGroupNames.filter((n: unknown) => typeof n !== 'string'),
        definition.LogGroupNames.filter((n: unknown) => typeof n === 'string'),
      ];
      expect([...refs].sort((a, b) => a.Ref.localeCompare(b.Ref))).toEqual(auditLogGroupRefs());
      expect(names).toEqual(['/customer-support-web/dev/ops']);
    }
  });

  it('tell errors and latency by route from the API access log', () => {
    const byRoute = definitions().find((d) => d.Name === `CustomerSupportWeb/dev/${API_ROUTE_QUERY.title}`);
    expect(byRoute.LogGroupNames).toEqual([{ Ref: expect.stringMatching(/^ApiAccessLogs/) }]);
    for (const fragment of ['by routeKey', 'status >= 500', 'pct(latencyMs, 99)']) expect(byRoute.QueryString).toContain(fragment);
    expect(definitions()).toHaveLength(AUDIT_QUERIES.length + 1);
  });

  it.each([
    ['all events of one login ID', [`loginId = "${LOGIN_ID_PLACEHOLDER}"`, 'sort @timestamp asc']],
    ['failed logins by IP', ['event = "login" and outcome = "failure"', 'by sourceIp']],
    ['lockouts', ['event = "lockout"']],
    ['password and email changes', ['"password.changed"', '"password-reset.completed"', '"email-change.completed"']],
    ['registrations in the period', ['event = "registration.completed"']],
    [
      'second factor of one login ID',
      [
        `loginId = "${LOGIN_ID_PLACEHOLDER}"`,
        '"mfa.authenticator.added"',
        '"passkey.registered"',
        '"mfa.authenticator.removed"',
        '"passkey.deleted"',
        '"mfa.second-factor"',
        '"passkey.second-step"',
        '"mfa.recovery-code.used"',
        '"mfa.reset"',
        'sort @timestamp asc',
      ],
    ],
    ['failed second steps by login ID', ['event in ["mfa.second-factor", "passkey.second-step"] and outcome = "failure"', 'by loginId']],
  ])('answer the auditors: %s', (title, fragments) => {
    const definition = definitions().find((d) => d.Name === `CustomerSupportWeb/dev/Audit - ${title}`);
    expect(definition).toBeDefined();
    expect(definition.QueryString).toContain('filter audit = 1');
    for (const fragment of fragments) expect(definition.QueryString).toContain(fragment);
  });

  it('show of the second factor only fields that hold no secret', () => {
    const definition = definitions().find((d) => d.Name === 'CustomerSupportWeb/dev/Audit - second factor of one login ID');
    const fieldsLine = String(definition.QueryString)
      .split('\n')
      .find((line) => line.startsWith('fields '));
    const fields = String(fieldsLine).slice('fields '.length).split(', ');
    expect(fields).toEqual(expect.arrayContaining(['@timestamp', 'event', 'outcome', 'reason', 'method', 'remaining', 'operator']));
    // What the second factor's requests and records carry: none of it may be asked for.
    const secrets = ['code', 'recoveryCode', 'secret', 'sealedSecret', 'otpauthUrl', 'password', 'challenge', 'response', 'publicKey'];
    for (const secret of secrets) expect(fields).not.toContain(secret);
    expect(fields.filter((f) => /secret|password|passcode|token|sessionId|stepId/i.test(f))).toEqual([]);
  });
});

describe('dashboard', () => {
  it('shows the API, the functions, sign-in failures, WAF, CloudFront and SES', () => {
    const dashboard = resourcesWithPrefix(web, 'AWS::CloudWatch::Dashboard', 'Monitoring')[0];
    expect(dashboard.Properties.DashboardName).toBe('CustomerSupportWeb-dev');
    const body = JSON.stringify(dashboard.Properties.DashboardBody);
    for (const title of [
      'API requests and errors',
      'Lambda errors',
      'Lambda throttles',
      'Failed logins and lockouts',
      'FailedSecondSteps',
      'WAF (us-east-1)',
      'SES reputation',
      'Alarms',
    ]) {
      expect(body).toContain(title);
    }
    expect(body).toContain('AWS/WAFV2');
    expect(body).toContain('CustomerSupportWeb-dev');
    web.hasOutput('DashboardName', { Value: Match.anyValue() });
  });
});
