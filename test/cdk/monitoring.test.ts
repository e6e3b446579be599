import { Match } from 'aws-cdk-lib/assertions';
import { routes } from '../../lambdas/routes';
import { AUDIT_QUERIES, LOGIN_ID_PLACEHOLDER } from '../../lib/audit-queries';
import { resourcesWithPrefix, synthStage } from './support/synth';

const { web } = synthStage('dev');
const handlerLogGroupRefs = () =>
  Object.keys(web.findResources('AWS::Logs::LogGroup'))
    .filter((id) => /^Routes\w+Logs/.test(id))
    .sort()
    .map((id) => ({ Ref: id }));
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
  ])('count %s from the audit lines of every handler log group', (metricName, pattern) => {
    const filters = Object.values(web.findResources('AWS::Logs::MetricFilter')).filter(
      (f) => f.Properties.MetricTransformations[0].MetricName === metricName,
    );
    expect(filters.map((f) => f.Properties.LogGroupName).sort((a, b) => a.Ref.localeCompare(b.Ref))).toEqual(handlerLogGroupRefs());
    for (const filter of filters) {
      expect(filter.Properties.FilterPattern).toBe(pattern);
      expect(filter.Properties.MetricTransformations).toEqual([
        { MetricNamespace: 'CustomerSupportWeb/dev', MetricName: metricName, MetricValue: '1' },
      ]);
    }
  });
});

describe('alarms', () => {
  it('all notify the ops topic of the data stack, on alarm and on recovery, and ignore missing data', () => {
    const alarms = Object.values(web.findResources('AWS::CloudWatch::Alarm'));
    expect(alarms.length).toBe(2 * routes.length + 5);
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

  it.each(routes.map((r) => r.entry))('watch the errors and throttles of the %s function', (entry) => {
    for (const [kind, metricName] of [
      ['errors', 'Errors'],
      ['throttles', 'Throttles'],
    ]) {
      expect(alarm(`CustomerSupportWeb-dev-lambda-${kind}-${entry}`)).toMatchObject({
        Namespace: 'AWS/Lambda',
        MetricName: metricName,
        Statistic: 'Sum',
        Period: 300,
        Threshold: 1,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
        Dimensions: [{ Name: 'FunctionName', Value: { Ref: expect.stringMatching(/^Routes\w+Function/) } }],
      });
    }
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

  it('sit in one folder per stage and read every handler log group', () => {
    expect(definitions()).toHaveLength(AUDIT_QUERIES.length);
    for (const definition of definitions()) {
      expect(definition.Name).toMatch(/^CustomerSupportWeb\/dev\/(Audit|Ops) - /);
      expect([...definition.LogGroupNames].sort((a, b) => a.Ref.localeCompare(b.Ref))).toEqual(handlerLogGroupRefs());
    }
  });

  it.each([
    ['all events of one login ID', [`loginId = "${LOGIN_ID_PLACEHOLDER}"`, 'sort @timestamp asc']],
    ['failed logins by IP', ['event = "login" and outcome = "failure"', 'by sourceIp']],
    ['lockouts', ['event = "lockout"']],
    ['password and email changes', ['"password.changed"', '"password-reset.completed"', '"email-change.completed"']],
    ['registrations in the period', ['event = "registration.completed"']],
  ])('answer the auditors: %s', (title, fragments) => {
    const definition = definitions().find((d) => d.Name === `CustomerSupportWeb/dev/Audit - ${title}`);
    expect(definition).toBeDefined();
    expect(definition.QueryString).toContain('filter audit = 1');
    for (const fragment of fragments) expect(definition.QueryString).toContain(fragment);
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
