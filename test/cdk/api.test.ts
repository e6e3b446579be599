import { Match } from 'aws-cdk-lib/assertions';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { configSchema } from '../../lambdas/config';
import { zoneNeeds } from '../../lambdas/composition/needs';
import { routes, ZONES, type ZoneName } from '../../lambdas/routes';
import { TABLE_ACTIONS, handlerNeeds } from '../../lambdas/composition/needs';
import { LEGACY_ROUTE_FUNCTIONS } from '../../lib/constructs/api/legacy-route-functions';
import { LOCAL_ONLY_VARIABLES } from '../../lib/constructs/api/lambda-environment';
import { functionsDir, repoRoot } from '../../lib/paths';
import { tableDefinitions, type TableKey } from '../../lambdas/resources/table-definitions';
import { resourcesWithPrefix, synthStage } from './support/synth';

const { web, data } = synthStage('dev');
const prod = synthStage('prod').web;

const pascal = (kebab: string) => kebab.replace(/(^|-)([a-z])/g, (_m, _d, c: string) => c.toUpperCase());
/** The construct (and logical id) prefix of a zone's function: `RoutesSignInZone…`. */
const zoneId = (zone: ZoneName) => `Routes${pascal(zone)}Zone`;
const zoneFunction = (zone: ZoneName, template = web) =>
  resourcesWithPrefix(template, 'AWS::Lambda::Function', `${zoneId(zone)}Function`)[0];
const zoneFunctions = (template = web) => ZONES.map((zone) => zoneFunction(zone, template));
const zoneOf = (entry: string) => routes.find((route) => route.entry === entry)!.zone;

interface Statement {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
}

/** Every statement of the zone function's role, with Action always a list. */
function statements(zone: ZoneName): (Statement & { Action: string[] })[] {
  const policies = resourcesWithPrefix(web, 'AWS::IAM::Policy', `${zoneId(zone)}RoleDefaultPolicy`);
  expect(policies).toHaveLength(1);
  return policies[0].Properties.PolicyDocument.Statement.map((s: Statement) => ({
    ...s,
    Action: ([] as string[]).concat(s.Action),
  }));
}
const allowedActions = (zone: ZoneName) => statements(zone).flatMap((s) => s.Action);
/** The statements whose resources mention the logical id prefix (e.g. `TablesSessions`). */
const statementsOn = (zone: ZoneName, idPrefix: string) => statements(zone).filter((s) => JSON.stringify(s.Resource).includes(idPrefix));

describe('routes', () => {
  it.each(routes)('$method $path has its handler file', ({ entry }) => {
    expect(existsSync(join(repoRoot, 'lambdas', 'handlers', `${entry}.ts`))).toBe(true);
  });

  it.each(ZONES)('%s has its function entry', (zone) => {
    expect(existsSync(join(functionsDir, `${zone}.ts`))).toBe(true);
  });

  it.each(routes)('$method $path is routed to its zone’s function through a payload v2 integration', ({ method, path, zone }) => {
    const [route] = Object.values(web.findResources('AWS::ApiGatewayV2::Route', { Properties: { RouteKey: `${method} ${path}` } }));
    const integrationId = JSON.stringify(route!.Properties.Target).match(/"Ref":"([^"]+)"/)![1]!;
    const integration = web.findResources('AWS::ApiGatewayV2::Integration')[integrationId]!;
    expect(JSON.stringify(integration.Properties.IntegrationUri)).toContain(`${zoneId(zone)}Function`);
    expect(path.startsWith('/api/')).toBe(true);
  });

  it('sends the $default route to the sign-in function', () => {
    const [route] = Object.values(web.findResources('AWS::ApiGatewayV2::Route', { Properties: { RouteKey: '$default' } }));
    const integrationId = JSON.stringify(route!.Properties.Target).match(/"Ref":"([^"]+)"/)![1]!;
    expect(JSON.stringify(web.findResources('AWS::ApiGatewayV2::Integration')[integrationId])).toContain(`${zoneId('sign-in')}Function`);
  });

  it('has one route per entry of lambdas/routes.ts and the $default route; one integration and one invoke permission per function', () => {
    web.resourceCountIs('AWS::ApiGatewayV2::Route', routes.length + 1);
    web.resourceCountIs('AWS::ApiGatewayV2::Integration', ZONES.length);
    const apiPermissions = Object.values(web.findResources('AWS::Lambda::Permission')).filter(
      (permission) => permission.Properties.Principal === 'apigateway.amazonaws.com',
    );
    expect(apiPermissions).toHaveLength(ZONES.length);
    for (const permission of apiPermissions) expect(JSON.stringify(permission.Properties.SourceArn)).toMatch(/\/\*\/\*\/\*"/);
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

describe('the functions of the zones', () => {
  it('run on the newest Node.js runtime, on arm64; Node reads the source maps on dev only', () => {
    for (const fn of zoneFunctions()) {
      expect(fn.Properties).toMatchObject({
        Runtime: 'nodejs24.x',
        Architectures: ['arm64'],
        Handler: 'index.handler',
        Environment: { Variables: expect.objectContaining({ NODE_OPTIONS: '--enable-source-maps' }) },
      });
    }
    for (const fn of Object.values(prod.findResources('AWS::Lambda::Function'))) {
      expect(fn.Properties.Environment?.Variables?.NODE_OPTIONS).toBeUndefined();
    }
  });

  it('log to their own log group, kept for the stage retention and retained', () => {
    for (const zone of ZONES) {
      const logGroups = resourcesWithPrefix(web, 'AWS::Logs::LogGroup', `${zoneId(zone)}Logs`);
      expect(logGroups).toHaveLength(1);
      expect(logGroups[0].Properties.RetentionInDays).toBe(30);
      expect(logGroups[0].DeletionPolicy).toBe('Retain');
      expect(zoneFunction(zone).Properties.LoggingConfig.LogGroup).toEqual({
        Ref: expect.stringMatching(new RegExp(`^${zoneId(zone)}Logs`)),
      });
    }
    const prodLogs = resourcesWithPrefix(prod, 'AWS::Logs::LogGroup', `${zoneId('sign-in')}Logs`)[0];
    expect(prodLogs.Properties.RetentionInDays).toBe(400);
  });

  it('keep the log groups of the earlier one-function-per-route layout, at their logical ids, for the stage retention', () => {
    expect(LEGACY_ROUTE_FUNCTIONS).toHaveLength(routes.length + 1);
    for (const name of LEGACY_ROUTE_FUNCTIONS) {
      const [logGroup] = resourcesWithPrefix(prod, 'AWS::Logs::LogGroup', `Routes${name}Logs`);
      expect(logGroup).toBeDefined();
      expect(logGroup.Properties.RetentionInDays).toBe(400);
      expect(logGroup.DeletionPolicy).toBe('Retain');
    }
    // The logical id CloudFormation knows from before (construct path Web/Routes/Login/Logs).
    expect(Object.keys(prod.findResources('AWS::Logs::LogGroup'))).toContain('RoutesLoginLogsD46E183B');
  });

  it('reserve the concurrency the stage configures, or none when it says null', () => {
    for (const fn of zoneFunctions()) expect(fn.Properties.ReservedConcurrentExecutions).toBe(5);
    for (const fn of resourcesWithPrefix(prod, 'AWS::Lambda::Function', 'Routes')) {
      expect(fn.Properties.ReservedConcurrentExecutions).toBe(10);
    }
    const unreserved = synthStage('dev', { lambdaReservedConcurrency: null }).web;
    for (const fn of resourcesWithPrefix(unreserved, 'AWS::Lambda::Function', 'Routes')) {
      expect(fn.Properties.ReservedConcurrentExecutions).toBeUndefined();
    }
  });

  it('get every variable lambdas/config.ts reads (the secrets by ARN), and values it accepts', () => {
    const variables = zoneFunction('sign-in').Properties.Environment.Variables;
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
    const variables = zoneFunction('account').Properties.Environment.Variables;
    expect(variables.ORIGIN_VERIFY_SECRET_ARN).toEqual({ Ref: expect.stringMatching(/^OriginVerifySecret/) });
    expect(JSON.stringify(variables.MAIL_CONFIGURATION_SET)).toMatch(/MailConfigurationSet/);
  });

  it('reach the site through the distribution domain when no custom domain is set', () => {
    expect(zoneFunction('sign-in').Properties.Environment.Variables.SITE_URL).toEqual({
      'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [expect.stringMatching(/^SiteDistribution/), 'DomainName'] }]],
    });
  });
});

describe('permissions (least privilege per function)', () => {
  it('give each function its own role with no managed policy', () => {
    for (const fn of zoneFunctions()) {
      expect(fn.Properties.Role).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/^Routes.*Role/), 'Arn'] });
    }
    for (const role of resourcesWithPrefix(web, 'AWS::IAM::Role', 'Routes')) {
      expect(role.Properties.ManagedPolicyArns).toBeUndefined();
      expect(role.Properties.AssumeRolePolicyDocument.Statement).toEqual([
        expect.objectContaining({ Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }),
      ]);
    }
  });

  it.each(ZONES)('%s: only allows, and only names, what its routes list in lambdas/composition/needs.ts together', (zone) => {
    const needs = zoneNeeds(zone);
    const all = statements(zone);
    for (const statement of all) {
      expect(statement.Effect).toBe('Allow');
      // No wildcard action and no wildcard resource written by us (log group ARNs end in :* by AWS's format).
      expect(statement.Action.every((a) => !a.includes('*'))).toBe(true);
      expect(JSON.stringify(statement.Resource)).not.toMatch(/"\*"|\/\*"/);
    }
    // Its own log group only.
    expect(statementsOn(zone, `${zoneId(zone)}Logs`)).toEqual([
      expect.objectContaining({ Action: ['logs:CreateLogStream', 'logs:PutLogEvents'] }),
    ]);
    expect(JSON.stringify(all)).not.toMatch(new RegExp(`Routes(?!${pascal(zone)}Zone)[A-Za-z]+Logs`));
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
    expect(statementsOn(zone, 'OriginVerifySecret')).toHaveLength(1);
    expect(statementsOn(zone, 'PasscodeKey')).toHaveLength(needs.passcodeKey ? 1 : 0);
    expect(statementsOn(zone, 'TotpKey')).toHaveLength(needs.totpKey ? 1 : 0);
    for (const secret of all.filter((s) => s.Action.some((a) => a.startsWith('secretsmanager:')))) {
      expect(secret.Action.sort()).toEqual(['secretsmanager:DescribeSecret', 'secretsmanager:GetSecretValue']);
    }
  });

  /**
   * Which functions may read each secret of the data stack and the site: the TOTP key only the
   * second factors' (authenticator secrets, recovery-code hashes), the passcode key the two that
   * start and redeem two-email requests, CloudFront's secret every API function; the letter key none.
   */
  const SECRET_READERS: Record<string, ZoneName[]> = {
    TotpKey: ['second-factors'],
    PasscodeKey: ['account', 'sign-in'],
    OriginVerifySecret: ['account', 'second-factors', 'sign-in'],
  };

  it.each(Object.entries(SECRET_READERS))('lets only %s be read by %j', (secret, readers) => {
    const on = (zone: ZoneName) => statementsOn(zone, secret);
    expect(ZONES.filter((zone) => on(zone).length > 0).sort()).toEqual(readers);
    for (const zone of readers) {
      expect(on(zone)).toEqual([
        expect.objectContaining({ Effect: 'Allow', Action: ['secretsmanager:DescribeSecret', 'secretsmanager:GetSecretValue'] }),
      ]);
    }
    const ids = Object.keys({ ...data.findResources('AWS::SecretsManager::Secret'), ...web.findResources('AWS::SecretsManager::Secret') });
    expect(ids.filter((id) => id.startsWith(secret))).toHaveLength(1);
  });

  it('grants the letter key to no function', () => {
    for (const zone of ZONES) expect(statementsOn(zone, 'LetterKey')).toEqual([]);
  });

  it('declares the TOTP key for exactly the routes of the second factors that seal or hash with it', () => {
    const readers = routes.filter((r) => handlerNeeds[r.entry].totpKey);
    expect(readers.map((r) => r.entry).sort()).toEqual([
      'authenticator-confirm',
      'authenticator-setup',
      'recovery-codes',
      'register-passkey',
      'second-factor',
    ]);
    expect(new Set(readers.map((r) => r.zone))).toEqual(new Set(['second-factors']));
  });

  it('lets the sign-in function verify passwords and mail the new sign-in notice, but not delete users', () => {
    const actions = allowedActions(zoneOf('login'));
    expect(actions).toContain('cognito-idp:AdminInitiateAuth');
    expect(actions).not.toContain('cognito-idp:AdminDeleteUser');
    expect(actions).toContain('ses:SendEmail');
    expect(actions).toContain('dynamodb:PutItem');
  });

  // Within a function each route's clients refuse what the route did not declare (test/unit/composition).
  it('declares for ログイン中の端末 the sessions, but neither mail nor Cognito; its function is granted the sessions', () => {
    for (const entry of ['sessions', 'end-session', 'end-other-sessions'] as const) {
      const needs = handlerNeeds[entry];
      expect(needs.tables.sessions).toBe('readWrite');
      expect([needs.sendMail, needs.userPoolActions]).toEqual([undefined, undefined]);
      expect(allowedActions(zoneOf(entry))).toEqual(expect.arrayContaining(['dynamodb:Query', 'dynamodb:DeleteItem']));
    }
  });

  it('declares the status routes read-only', () => {
    for (const entry of ['registration-status', 'password-reset-status', 'email-change-status'] as const) {
      const tables = Object.values(handlerNeeds[entry].tables);
      expect(tables.length).toBeGreaterThan(0);
      expect(tables.every((access) => access === 'read')).toBe(true);
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
    for (const zone of ZONES) {
      const actions = allowedActions(zone);
      for (const action of Object.values(OPS_ONLY_CALLS)) expect([zone, actions.includes(action)]).toEqual([zone, false]);
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
