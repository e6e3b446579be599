import { Match } from 'aws-cdk-lib/assertions';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { configSchema } from '../../lambdas/config';
import { routes } from '../../lambdas/routes';
import { handlersDir } from '../../lib/paths';
import { resourcesWithPrefix, synthStage } from './support/synth';

const { web } = synthStage('dev');

const pascal = (entry: string) => entry.replace(/(^|-)([a-z])/g, (_m, _d, c: string) => c.toUpperCase());
const handlerFunction = (entry: string) => resourcesWithPrefix(web, 'AWS::Lambda::Function', `Routes${pascal(entry)}Function`)[0];
const handlerFunctions = () => routes.map((route) => handlerFunction(route.entry));

/** Every action the function's role is allowed, as `service:Action` strings. */
function allowedActions(entry: string): string[] {
  const policies = resourcesWithPrefix(web, 'AWS::IAM::Policy', `Routes${pascal(entry)}FunctionServiceRoleDefaultPolicy`);
  return policies.flatMap((p) => p.Properties.PolicyDocument.Statement.flatMap((s: { Action: string | string[] }) => s.Action));
}

describe('routes', () => {
  it.each(routes)('$method $path has its handler file', ({ entry }) => {
    expect(existsSync(join(handlersDir, `${entry}.ts`))).toBe(true);
  });

  it.each(routes)('$method $path is routed to its own function through a payload v2 integration', ({ method, path }) => {
    web.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: `${method} ${path}` });
    expect(path.startsWith('/api/')).toBe(true);
  });

  it('has one route and one integration per entry of lambdas/routes.ts', () => {
    web.resourceCountIs('AWS::ApiGatewayV2::Route', routes.length);
    web.resourceCountIs('AWS::ApiGatewayV2::Integration', routes.length);
    web.allResourcesProperties('AWS::ApiGatewayV2::Integration', {
      IntegrationType: 'AWS_PROXY',
      PayloadFormatVersion: '2.0',
    });
  });

  it('serves the HTTP API on an auto-deployed, throttled $default stage with access logs', () => {
    web.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingRateLimit: Match.anyValue(), ThrottlingBurstLimit: Match.anyValue() },
      AccessLogSettings: { DestinationArn: Match.anyValue(), Format: Match.stringLikeRegexp('requestId') },
    });
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

  it('log to their own log group, kept for the stage retention', () => {
    for (const route of routes) {
      const logGroups = resourcesWithPrefix(web, 'AWS::Logs::LogGroup', `Routes${pascal(route.entry)}Logs`);
      expect(logGroups).toHaveLength(1);
      expect(logGroups[0].Properties.RetentionInDays).toBe(30);
      expect(logGroups[0].DeletionPolicy).toBe('Retain');
      expect(handlerFunction(route.entry).Properties.LoggingConfig.LogGroup).toEqual({
        Ref: expect.stringMatching(new RegExp(`^Routes${pascal(route.entry)}Logs`)),
      });
    }
  });

  it('get every variable lambdas/config.ts reads, and values it accepts', () => {
    const variables = handlerFunction('login').Properties.Environment.Variables;
    const expected = Object.keys(configSchema.shape).filter((name) => name !== 'PASSCODE_KEY');
    expect(Object.keys(variables).sort()).toEqual([...expected, 'NODE_OPTIONS'].sort());
    // Deploy-time references (table names, the site's domain…) become plausible stand-ins.
    const resolved = Object.fromEntries(
      Object.entries(variables).map(([name, value]) => [name, typeof value === 'string' ? value : name === 'SITE_URL' ? 'https://d1.cloudfront.net' : 'resolved-at-deploy']),
    );
    expect(configSchema.safeParse(resolved).error).toBeUndefined();
  });

  it('reach the site through the distribution domain when no custom domain is set', () => {
    expect(handlerFunction('first-login').Properties.Environment.Variables.SITE_URL).toEqual({
      'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [expect.stringMatching(/^SiteDistribution/), 'DomainName'] }]],
    });
  });
});

describe('permissions (least privilege per handler)', () => {
  it('lets login verify passwords but not create users or send mail', () => {
    const actions = allowedActions('login');
    expect(actions).toContain('cognito-idp:AdminInitiateAuth');
    expect(actions).not.toContain('cognito-idp:AdminCreateUser');
    expect(actions).not.toContain('ses:SendEmail');
    expect(actions).toContain('dynamodb:PutItem');
  });

  it('lets first login send mail and read the passcode key', () => {
    const actions = allowedActions('first-login');
    expect(actions).toEqual(expect.arrayContaining(['ses:SendEmail', 'secretsmanager:GetSecretValue', 'dynamodb:UpdateItem']));
    expect(actions.some((a) => a.startsWith('cognito-idp:'))).toBe(false);
  });

  it('lets completion register the user in Cognito with the passcode key', () => {
    expect(allowedActions('complete-registration')).toEqual(
      expect.arrayContaining(['cognito-idp:AdminCreateUser', 'cognito-idp:AdminSetUserPassword', 'secretsmanager:GetSecretValue']),
    );
  });

  it('gives logout only the sessions table', () => {
    const actions = allowedActions('logout');
    expect(actions.every((a) => a.startsWith('dynamodb:'))).toBe(true);
    const policy = resourcesWithPrefix(web, 'AWS::IAM::Policy', 'RoutesLogoutFunctionServiceRoleDefaultPolicy')[0];
    expect(JSON.stringify(policy)).toContain('TablesSessions');
    expect(JSON.stringify(policy)).not.toMatch(/TablesAccounts|TablesRequests/);
  });

  it('keeps the registration status read-only', () => {
    const actions = allowedActions('registration-status');
    expect(actions).toContain('dynamodb:GetItem');
    expect(actions).not.toContain('dynamodb:PutItem');
    expect(actions).not.toContain('dynamodb:UpdateItem');
  });
});
