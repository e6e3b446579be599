import { Match } from 'aws-cdk-lib/assertions';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { configSchema } from '../../lambdas/config';
import { routes } from '../../lambdas/routes';
import { TABLE_ACTIONS, handlerNeeds } from '../../lambdas/composition/needs';
import { LOCAL_ONLY_VARIABLES } from '../../lib/constructs/api/lambda-environment';
import { functionsDir, repoRoot } from '../../lib/paths';
import { tableDefinitions, type TableKey } from '../../lambdas/resources/table-definitions';
import { resourcesWithPrefix, synthStage } from './support/synth';

const { web, data } = synthStage('dev');
const prod = synthStage('prod').web;

const pascal = (entry: string) => entry.replace(/(^|-)([a-z])/g, (_m, _d, c: string) => c.toUpperCase());
const handlerFunction = (entry: string) => resourcesWithPrefix(web, 'AWS::Lambda::Function', `Routes${pascal(entry)}Function`)[0];
const handlerFunctions = () => routes.map((route) => handlerFunction(route.entry));

interface Statement {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
}

/** Every statement of the function's role, with Action always a list. */
function statements(entry: string): (Statement & { Action: string[] })[] {
  const policies = resourcesWithPrefix(web, 'AWS::IAM::Policy', `Routes${pascal(entry)}RoleDefaultPolicy`);
  expect(policies).toHaveLength(1);
  return policies[0].Properties.PolicyDocument.Statement.map((s: Statement) => ({
    ...s,
    Action: ([] as string[]).concat(s.Action),
  }));
}
const allowedActions = (entry: string) => statements(entry).flatMap((s) => s.Action);
/** The statements whose resources mention the logical id prefix (e.g. `TablesSessions`). */
const statementsOn = (entry: string, idPrefix: string) => statements(entry).filter((s) => JSON.stringify(s.Resource).includes(idPrefix));

describe('routes', () => {
  it.each(routes)('$method $path has its handler file', ({ entry }) => {
    expect(existsSync(join(functionsDir, `${entry}.ts`))).toBe(true);
  });

  it.each(routes)('$method $path is routed to its own function through a payload v2 integration', ({ method, path }) => {
    web.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: `${method} ${path}` });
    expect(path.startsWith('/api/')).toBe(true);
  });

  it('has one route and one integration per entry of lambdas/routes.ts, and the $default route', () => {
    web.resourceCountIs('AWS::ApiGatewayV2::Route', routes.length + 1);
    web.resourceCountIs('AWS::ApiGatewayV2::Integration', routes.length + 1);
    web.allResourcesProperties('AWS::ApiGatewayV2::Integration', {
      IntegrationType: 'AWS_PROXY',
      PayloadFormatVersion: '2.0',
    });
  });

  it('serves the HTTP API on an auto-deployed, throttled $default stage with access logs kept for the stage retention', () => {
    web.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingRateLimit: Match.anyValue(), ThrottlingBurstLimit: Match.anyValue() },
      AccessLogSettings: { DestinationArn: Match.anyValue(), Format: Match.stringLikeRegexp('requestId') },
    });
    const accessLogs = resourcesWithPrefix(web, 'AWS::Logs::LogGroup', 'ApiAccessLogs');
    expect(accessLogs).toHaveLength(1);
    expect(accessLogs[0].Properties.RetentionInDays).toBe(30);
  });
});

describe('handler functions', () => {
  it('run on the newest Node.js runtime, on arm64, with source maps', () => {
    for (const fn of handlerFunctions()) {
      expect(fn.Properties).toMatchObject({
        Runtime: 'nodejs24.x',
        Architectures: ['arm64'],
        Handler: 'index.handler',
        Environment: { Variables: expect.objectContaining({ NODE_OPTIONS: '--enable-source-maps' }) },
      });
    }
  });

  it('log to their own log group, kept for the stage retention and retained', () => {
    for (const route of routes) {
      const logGroups = resourcesWithPrefix(web, 'AWS::Logs::LogGroup', `Routes${pascal(route.entry)}Logs`);
      expect(logGroups).toHaveLength(1);
      expect(logGroups[0].Properties.RetentionInDays).toBe(30);
      expect(logGroups[0].DeletionPolicy).toBe('Retain');
      expect(handlerFunction(route.entry).Properties.LoggingConfig.LogGroup).toEqual({
        Ref: expect.stringMatching(new RegExp(`^Routes${pascal(route.entry)}Logs`)),
      });
    }
    const prodLogs = resourcesWithPrefix(prod, 'AWS::Logs::LogGroup', 'RoutesLoginLogs')[0];
    expect(prodLogs.Properties.RetentionInDays).toBe(400);
  });

  it('reserve the concurrency the stage configures, or none when it says null', () => {
    for (const fn of handlerFunctions()) expect(fn.Properties.ReservedConcurrentExecutions).toBe(5);
    for (const fn of resourcesWithPrefix(prod, 'AWS::Lambda::Function', 'Routes')) {
      expect(fn.Properties.ReservedConcurrentExecutions).toBe(10);
    }
    const unreserved = synthStage('dev', { lambdaReservedConcurrency: null }).web;
    for (const fn of resourcesWithPrefix(unreserved, 'AWS::Lambda::Function', 'Routes')) {
      expect(fn.Properties.ReservedConcurrentExecutions).toBeUndefined();
    }
  });

  it('get every variable lambdas/config.ts reads (the secrets by ARN), and values it accepts', () => {
    const variables = handlerFunction('login').Properties.Environment.Variables;
    // INACTIVE_DISABLE_DAYS: dev leaves the inactivity rule off (prod's 90: test/cdk/scheduled-jobs.test.ts).
    const unsetOnDev = ['INACTIVE_DISABLE_DAYS'];
    const expected = Object.keys(configSchema.shape).filter(
      (name) => !(LOCAL_ONLY_VARIABLES as readonly string[]).includes(name) && !unsetOnDev.includes(name),
    );
    expect(Object.keys(variables).sort()).toEqual([...expected, 'NODE_OPTIONS'].sort());
    expect(Object.keys(variables)).toEqual(
      expect.arrayContaining(['PASSCODE_KEY_SECRET_ARN', 'ORIGIN_VERIFY_SECRET_ARN', 'MAIL_CONFIGURATION_SET']),
    );
    for (const name of LOCAL_ONLY_VARIABLES) expect(variables[name]).toBeUndefined();
    // Deploy-time references (table names, the site's domain…) become plausible stand-ins.
    const resolved = Object.fromEntries(
      Object.entries(variables).map(([name, value]) => [
        name,
        typeof value === 'string' ? value : name === 'SITE_URL' ? 'https://d1.cloudfront.net' : 'resolved-at-deploy',
      ]),
    );
    expect(configSchema.safeParse(resolved).error).toBeUndefined();
  });

  it('find the origin-verify secret and the configuration set from this stage', () => {
    const variables = handlerFunction('login').Properties.Environment.Variables;
    expect(variables.ORIGIN_VERIFY_SECRET_ARN).toEqual({ Ref: expect.stringMatching(/^OriginVerifySecret/) });
    expect(JSON.stringify(variables.MAIL_CONFIGURATION_SET)).toMatch(/MailConfigurationSet/);
  });

  it('reach the site through the distribution domain when no custom domain is set', () => {
    expect(handlerFunction('first-login').Properties.Environment.Variables.SITE_URL).toEqual({
      'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [expect.stringMatching(/^SiteDistribution/), 'DomainName'] }]],
    });
  });
});

describe('permissions (least privilege per handler)', () => {
  it('give each function its own role with no managed policy', () => {
    for (const fn of handlerFunctions()) {
      expect(fn.Properties.Role).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/^Routes.*Role/), 'Arn'] });
    }
    for (const role of resourcesWithPrefix(web, 'AWS::IAM::Role', 'Routes')) {
      expect(role.Properties.ManagedPolicyArns).toBeUndefined();
      expect(role.Properties.AssumeRolePolicyDocument.Statement).toEqual([
        expect.objectContaining({ Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }),
      ]);
    }
  });

  it.each(routes)('$entry: only allows, and only names, what lambdas/composition/needs.ts lists', ({ entry }) => {
    const needs = handlerNeeds[entry];
    const all = statements(entry);
    for (const statement of all) {
      expect(statement.Effect).toBe('Allow');
      // No wildcard action and no wildcard resource written by us (log group ARNs end in :* by AWS's format).
      expect(statement.Action.every((a) => !a.includes('*'))).toBe(true);
      expect(JSON.stringify(statement.Resource)).not.toMatch(/"\*"|\/\*"/);
    }
    // Its own log group only.
    expect(statementsOn(entry, `Routes${pascal(entry)}Logs`)).toEqual([
      expect.objectContaining({ Action: ['logs:CreateLogStream', 'logs:PutLogEvents'] }),
    ]);
    expect(JSON.stringify(all)).not.toMatch(new RegExp(`Routes(?!${pascal(entry)})[A-Za-z]+Logs`));
    // Exactly its tables, with exactly the actions of its access, on the table and its named indexes.
    for (const key of Object.keys(tableDefinitions) as TableKey[]) {
      const granted = actionsOnResources(all, `Tables${pascal(key)}`);
      const access = needs.tables[key];
      const indexes = ((tableDefinitions[key] as { indexes?: { name: string }[] }).indexes ?? []).map((i) => i.name);
      const expected = access ? TABLE_ACTIONS[access].map((a) => `dynamodb:${a}`).sort() : undefined;
      expect(granted.get('table')).toEqual(expected);
      for (const index of indexes) expect(granted.get(`index/${index}`)).toEqual(expected);
      expect([...granted.keys()].sort()).toEqual(access ? ['table', ...indexes.map((i) => `index/${i}`)].sort() : []);
    }
    // Cognito: the listed admin actions, on the pool.
    const cognito = all.flatMap((s) => s.Action).filter((a) => a.startsWith('cognito-idp:'));
    expect(cognito.sort()).toEqual((needs.userPoolActions ?? []).map((a) => `cognito-idp:${a}`).sort());
    // SES: SendEmail on the identity and the configuration set, only where the handler mails.
    const ses = all.filter((s) => s.Action.some((a) => a.startsWith('ses:')));
    if (needs.sendMail) {
      expect(ses).toHaveLength(1);
      expect(ses[0].Action).toEqual(['ses:SendEmail']);
      expect(JSON.stringify(ses[0].Resource)).toMatch(/configuration-set\//);
      expect(JSON.stringify(ses[0].Resource)).toMatch(/MailIdentity/);
    } else {
      expect(ses).toEqual([]);
    }
    // Secrets: the origin-verify secret always, the passcode and TOTP keys where listed.
    expect(statementsOn(entry, 'OriginVerifySecret')).toHaveLength(1);
    expect(statementsOn(entry, 'PasscodeKey')).toHaveLength(needs.passcodeKey ? 1 : 0);
    expect(statementsOn(entry, 'TotpKey')).toHaveLength(needs.totpKey ? 1 : 0);
    for (const secret of all.filter((s) => s.Action.some((a) => a.startsWith('secretsmanager:')))) {
      expect(secret.Action.sort()).toEqual(['secretsmanager:DescribeSecret', 'secretsmanager:GetSecretValue']);
    }
  });

  /**
   * Setting up the app seals its secret, confirming it and the second step open it; the first
   * factor (app or passkey), a new set and the second step hash recovery codes.
   */
  const TOTP_KEY_READERS = ['authenticator-confirm', 'authenticator-setup', 'recovery-codes', 'register-passkey', 'second-factor'];

  it("lets only the functions that use authenticator secrets or recovery codes read the data stack's TOTP key", () => {
    const totpKeyIds = Object.keys(data.findResources('AWS::SecretsManager::Secret')).filter((id) => id.startsWith('TotpKey'));
    expect(totpKeyIds).toHaveLength(1);
    const onTotpKey = (entry: string) => statements(entry).filter((s) => JSON.stringify(s.Resource).includes(totpKeyIds[0]));
    const readers = routes.map((r) => r.entry).filter((entry) => onTotpKey(entry).length > 0);
    expect(readers.sort()).toEqual(TOTP_KEY_READERS);
    expect(
      routes
        .filter((r) => handlerNeeds[r.entry].totpKey)
        .map((r) => r.entry)
        .sort(),
    ).toEqual(TOTP_KEY_READERS);
    for (const entry of readers) {
      expect(onTotpKey(entry)).toEqual([
        expect.objectContaining({ Effect: 'Allow', Action: ['secretsmanager:DescribeSecret', 'secretsmanager:GetSecretValue'] }),
      ]);
    }
  });

  it('lets login verify passwords and mail the new sign-in notice, but not create users', () => {
    const actions = allowedActions('login');
    expect(actions).toContain('cognito-idp:AdminInitiateAuth');
    expect(actions).not.toContain('cognito-idp:AdminCreateUser');
    expect(actions).toContain('ses:SendEmail');
    expect(actions).toContain('dynamodb:PutItem');
  });

  it('lets ログイン中の端末 read and end sessions, but neither mail nor touch Cognito', () => {
    for (const entry of ['sessions', 'end-session', 'end-other-sessions'] as const) {
      const actions = allowedActions(entry);
      expect(actions).toEqual(expect.arrayContaining(['dynamodb:Query', 'dynamodb:DeleteItem']));
      expect(actions.filter((a) => /^(ses|cognito-idp):/.test(a))).toEqual([]);
    }
  });

  it('keeps the status handlers read-only', () => {
    for (const entry of ['registration-status', 'password-reset-status', 'email-change-status'] as const) {
      const actions = allowedActions(entry);
      expect(actions).toContain('dynamodb:GetItem');
      expect(actions.filter((a) => /^dynamodb:(Put|Update|Delete)/.test(a))).toEqual([]);
    }
  });

  /**
   * Made only by the ops command, with the operator's credentials: deleting a user
   * (reset-registration) and scanning for letters to print (letters). No handler may make them.
   */
  const OPS_ONLY_CALLS: Record<string, string> = { AdminDeleteUser: 'cognito-idp:AdminDeleteUser', Scan: 'dynamodb:Scan' };

  it('grants every DynamoDB and Cognito call the adapters make, but the ops-only ones to no handler', () => {
    const adapterSources = listFiles(join(repoRoot, 'lambdas', 'adapters'))
      .map((file) => readFileSync(file, 'utf8'))
      .join('\n');
    const sdkCommands = [...adapterSources.matchAll(/new (\w+)Command\(/g)].map((m) => m[1]);
    const dynamoAction: Record<string, string> = {
      Get: 'GetItem',
      Put: 'PutItem',
      Update: 'UpdateItem',
      Delete: 'DeleteItem',
      Query: 'Query',
    };
    const cognitoActions = new Set(Object.values(handlerNeeds).flatMap((n) => n.userPoolActions ?? []));
    for (const command of sdkCommands) {
      if (OPS_ONLY_CALLS[command]) continue;
      if (command.startsWith('Admin')) expect(cognitoActions).toContain(command);
      else if (['SendEmail', 'GetSecretValue'].includes(command)) continue;
      else expect(TABLE_ACTIONS.readWrite).toContain(dynamoAction[command] ?? command);
    }
    for (const route of routes) {
      const actions = allowedActions(route.entry);
      for (const action of Object.values(OPS_ONLY_CALLS)) expect([route.entry, actions.includes(action)]).toEqual([route.entry, false]);
    }
  });
});

/** For the resources whose JSON mentions `idPrefix`: the sorted actions allowed on the resource itself ('table') and on each `index/<name>`. */
function actionsOnResources(all: (Statement & { Action: string[] })[], idPrefix: string): Map<string, string[]> {
  const granted = new Map<string, Set<string>>();
  for (const statement of all) {
    for (const resource of ([] as unknown[]).concat(statement.Resource)) {
      const json = JSON.stringify(resource);
      if (!json.includes(idPrefix)) continue;
      const part = json.match(/\/(index\/[\w-]+)/)?.[1] ?? 'table';
      const actions = granted.get(part) ?? new Set<string>();
      for (const a of statement.Action) actions.add(a);
      granted.set(part, actions);
    }
  }
  return new Map([...granted].map(([part, actions]) => [part, [...actions].sort()]));
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listFiles(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}
