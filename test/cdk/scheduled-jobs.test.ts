import { scheduledNeeds, TABLE_ACTIONS } from '../../lambdas/composition/needs';
import { resourcesWithPrefix, synthStage } from './support/synth';

const prod = synthStage('prod').web;
const dev = synthStage('dev').web;

const job = () => {
  const functions = resourcesWithPrefix(prod, 'AWS::Lambda::Function', 'InactiveAccountsHandler');
  expect(functions).toHaveLength(1);
  return functions[0]!;
};
const jobLogicalId = () =>
  Object.keys(prod.findResources('AWS::Lambda::Function')).find((id) => id.startsWith('InactiveAccountsHandlerFunction'))!;

interface Statement {
  Action: string | string[];
  Resource: unknown;
}
const statements = (): { Action: string[]; Resource: unknown }[] => {
  const policies = resourcesWithPrefix(prod, 'AWS::IAM::Policy', 'InactiveAccountsHandlerRoleDefaultPolicy');
  expect(policies).toHaveLength(1);
  return policies[0]!.Properties.PolicyDocument.Statement.map((s: Statement) => ({ ...s, Action: ([] as string[]).concat(s.Action) }));
};
const actionsOn = (idPrefix: string) =>
  statements()
    .filter((s) => JSON.stringify(s.Resource).includes(idPrefix))
    .flatMap((s) => s.Action);

describe('the inactive-accounts job (PCI DSS 8.2.6)', () => {
  it('runs daily at 03:00 in Japan (18:00 UTC) on prod, aimed at its own function, retried twice', () => {
    const rules = Object.values(prod.findResources('AWS::Events::Rule'));
    expect(rules).toHaveLength(1);
    expect(rules[0]!.Properties).toMatchObject({
      ScheduleExpression: 'cron(0 18 * * ? *)',
      State: 'ENABLED',
      Targets: [
        expect.objectContaining({
          Arn: { 'Fn::GetAtt': [jobLogicalId(), 'Arn'] },
          RetryPolicy: { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 7200 },
        }),
      ],
    });
    const invokers = Object.values(prod.findResources('AWS::Lambda::Permission')).filter(
      (p) => p.Properties.Principal === 'events.amazonaws.com',
    );
    expect(invokers).toHaveLength(1);
    expect(invokers[0]!.Properties.FunctionName).toEqual({ 'Fn::GetAtt': [jobLogicalId(), 'Arn'] });
  });

  it("carries the stage's 90 days and the handlers' settings, but not the origin secret only API calls carry", () => {
    const { Environment, Timeout, ReservedConcurrentExecutions } = job().Properties;
    expect(Environment.Variables).toMatchObject({ INACTIVE_DISABLE_DAYS: '90', SESSION_IDLE_MINUTES: '15', STAGE: 'prod' });
    expect(Environment.Variables).not.toHaveProperty('ORIGIN_VERIFY_SECRET_ARN');
    expect(Timeout).toBe(900);
    expect(ReservedConcurrentExecutions).toBe(1);
  });

  it('may scan and write the accounts, write the sessions and send mail; nothing else (no Cognito, no secret)', () => {
    expect(scheduledNeeds['inactive-accounts'].tables).toEqual({ accounts: 'readWriteScan', sessions: 'readWrite' });
    expect(actionsOn('TablesAccounts').sort()).toEqual(TABLE_ACTIONS.readWriteScan.map((a) => `dynamodb:${a}`).sort());
    expect(actionsOn('TablesSessions').sort()).toEqual(TABLE_ACTIONS.readWrite.map((a) => `dynamodb:${a}`).sort());
    const all = statements().flatMap((s) => s.Action);
    expect(all).toContain('ses:SendEmail');
    expect(all.filter((a) => /^(cognito-idp|secretsmanager|kms):/.test(a))).toEqual([]);
    expect(all.filter((a) => a.startsWith('dynamodb:')).length).toBe(TABLE_ACTIONS.readWriteScan.length + TABLE_ACTIONS.readWrite.length);
  });

  it('leaves every API function without Scan: only the job reads the whole table', () => {
    const apiPolicies = resourcesWithPrefix(prod, 'AWS::IAM::Policy', 'Routes');
    const actions = apiPolicies.flatMap((p) =>
      p.Properties.PolicyDocument.Statement.flatMap((s: Statement) => ([] as string[]).concat(s.Action)),
    );
    expect(actions.length).toBeGreaterThan(0);
    expect(actions).not.toContain('dynamodb:Scan');
  });

  it('does not exist on dev, which leaves inactiveDisableDays unset', () => {
    expect(dev.findResources('AWS::Events::Rule')).toEqual({});
    expect(resourcesWithPrefix(dev, 'AWS::Lambda::Function', 'InactiveAccounts')).toEqual([]);
  });

  it('comes to dev too when the stage sets the days', () => {
    const withDays = synthStage('dev', { inactiveDisableDays: 30 }).web;
    expect(Object.values(withDays.findResources('AWS::Events::Rule'))).toHaveLength(1);
    const [fn] = resourcesWithPrefix(withDays, 'AWS::Lambda::Function', 'InactiveAccountsHandler');
    expect(fn!.Properties.Environment.Variables.INACTIVE_DISABLE_DAYS).toBe('30');
  });
});
