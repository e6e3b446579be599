import { App } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import { CachePolicy, OriginRequestPolicy } from 'aws-cdk-lib/aws-cloudfront';
import { CONTENT_SECURITY_POLICY, HSTS_MAX_AGE_SECONDS } from '../../lambdas/http/security-headers';
import { routes } from '../../lambdas/routes';
import { RATE_LIMITED_PATH_PREFIXES, TOO_MANY_REQUESTS_BODY } from '../../lib/constructs/edge/rate-limited-paths';
import { createStacks } from '../../lib/create-stacks';
import { SynthInputError } from '../../lib/errors';
import { functionsDir } from '../../lib/paths';
import { parseStageConfig } from '../../lib/stage-config';
import { cdkContext, resourcesWithPrefix, synthStage } from './support/synth';

const { web, edge } = synthStage('dev');
const prod = synthStage('prod');
const distributionConfig = () => Object.values(web.findResources('AWS::CloudFront::Distribution'))[0].Properties.DistributionConfig;
const apiBehavior = () => distributionConfig().CacheBehaviors.find((b: { PathPattern: string }) => b.PathPattern === '/api/*');

const bucket = (prefix: string) => resourcesWithPrefix(web, 'AWS::S3::Bucket', prefix)[0];
const bucketPolicyOf = (template: typeof web, bucketPrefix: string) =>
  Object.values(template.findResources('AWS::S3::BucketPolicy')).find((p) => p.Properties.Bucket.Ref.startsWith(bucketPrefix));

describe('buckets', () => {
  it('block all public access, encrypt, and refuse plain HTTP (content and access logs alike)', () => {
    web.resourceCountIs('AWS::S3::Bucket', 2);
    web.allResourcesProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
    });
    for (const prefix of ['SiteContent', 'SiteAccessLogs']) {
      expect(bucketPolicyOf(web, prefix)?.Properties.PolicyDocument.Statement).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ Effect: 'Deny', Action: 's3:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      );
    }
  });

  it("log the content bucket's accesses into the access log bucket", () => {
    expect(bucket('SiteContent').Properties.LoggingConfiguration).toEqual({
      DestinationBucketName: { Ref: expect.stringMatching(/^SiteAccessLogs/) },
      LogFilePrefix: 's3-content/',
    });
    expect(bucketPolicyOf(web, 'SiteAccessLogs')?.Properties.PolicyDocument.Statement).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ Effect: 'Allow', Principal: { Service: 'logging.s3.amazonaws.com' }, Action: 's3:PutObject' }),
      ]),
    );
  });

  it("expire access logs after the stage's accessLogRetentionDays", () => {
    expect(bucket('SiteAccessLogs').Properties.LifecycleConfiguration.Rules).toEqual([
      expect.objectContaining({ Status: 'Enabled', ExpirationInDays: 30, AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 } }),
    ]);
    const prodLogs = resourcesWithPrefix(prod.web, 'AWS::S3::Bucket', 'SiteAccessLogs')[0];
    expect(prodLogs.Properties.LifecycleConfiguration.Rules[0].ExpirationInDays).toBe(400);
  });

  it('keep the access logs where the stage protects data, and empty them on destroy elsewhere', () => {
    expect(resourcesWithPrefix(prod.web, 'AWS::S3::Bucket', 'SiteAccessLogs')[0].DeletionPolicy).toBe('Retain');
    expect(bucket('SiteAccessLogs').DeletionPolicy).toBe('Delete');
    expect(resourcesWithPrefix(web, 'Custom::S3AutoDeleteObjects', 'SiteAccessLogs')).toHaveLength(1);
  });

  it('keep ACLs (owner-preferred) only on the log bucket, which CloudFront standard logging needs', () => {
    expect(bucket('SiteAccessLogs').Properties.OwnershipControls).toEqual({ Rules: [{ ObjectOwnership: 'BucketOwnerPreferred' }] });
    expect(bucket('SiteContent').Properties.OwnershipControls).toEqual({ Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] });
  });
});

describe('content bucket', () => {
  it('is read by CloudFront through origin access control', () => {
    web.hasResourceProperties('AWS::CloudFront::OriginAccessControl', {
      OriginAccessControlConfig: { OriginAccessControlOriginType: 's3', SigningBehavior: 'always', SigningProtocol: 'sigv4' },
    });
    const s3Origin = distributionConfig().Origins.find((o: { S3OriginConfig?: unknown }) => o.S3OriginConfig);
    expect(s3Origin.OriginAccessControlId).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/OriginAccessControl/), 'Id'] });
    expect(s3Origin.S3OriginConfig).toEqual({ OriginAccessIdentity: '' });
  });

  it('is filled from the site build, invalidating the distribution', () => {
    web.hasResourceProperties('Custom::CDKBucketDeployment', {
      DistributionPaths: ['/*'],
      DistributionId: { Ref: Match.stringLikeRegexp('^SiteDistribution') },
    });
  });
});

describe('distribution', () => {
  it('serves index.html at the root over HTTP/2 and HTTP/3, and redirects HTTP to HTTPS', () => {
    expect(distributionConfig()).toMatchObject({
      DefaultRootObject: 'index.html',
      HttpVersion: 'http2and3',
      DefaultCacheBehavior: { ViewerProtocolPolicy: 'redirect-to-https' },
    });
  });

  it('writes standard access logs, without cookies, to the log bucket', () => {
    expect(distributionConfig().Logging).toEqual({
      Bucket: { 'Fn::GetAtt': [expect.stringMatching(/^SiteAccessLogs/), 'RegionalDomainName'] },
      IncludeCookies: false,
      Prefix: 'cloudfront/',
    });
  });

  it('is protected by the web ACL of the edge stack in us-east-1', () => {
    expect(distributionConfig().WebACLId).toEqual({
      'Fn::GetStackOutput': {
        StackName: 'CustomerSupportWeb-dev-Edge',
        Region: 'us-east-1',
        OutputName: expect.stringMatching(/FirewallWebAcl.*Arn/),
      },
    });
    expect(Object.keys(edge.findOutputs('*'))).toContain(distributionConfig().WebACLId['Fn::GetStackOutput'].OutputName);
  });

  it('sends the API the origin-verify secret through a dynamic reference, never the value', () => {
    const apiOrigin = distributionConfig().Origins.find((o: { Id: string }) => o.Id === apiBehavior().TargetOriginId);
    expect(apiOrigin.OriginCustomHeaders).toEqual([
      {
        HeaderName: 'x-origin-verify',
        HeaderValue: {
          'Fn::Join': ['', ['{{resolve:secretsmanager:', { Ref: expect.stringMatching(/^OriginVerifySecret/) }, ':SecretString:::}}']],
        },
      },
    ]);
    const secret = resourcesWithPrefix(web, 'AWS::SecretsManager::Secret', 'OriginVerifySecret')[0];
    expect(secret.Properties.GenerateSecretString).toMatchObject({ PasswordLength: 64, ExcludePunctuation: true });
    expect(secret.Properties.SecretString).toBeUndefined();
    // The S3 origin does not get it.
    const s3Origin = distributionConfig().Origins.find((o: { S3OriginConfig?: unknown }) => o.S3OriginConfig);
    expect(s3Origin.OriginCustomHeaders).toBeUndefined();
  });

  it('rotates the origin-verify secret by replacing it: CloudFront and the functions follow in one deploy', () => {
    const rotated = synthStage('dev', { originVerifySecretGeneration: 2 }).web;
    const secrets = Object.keys(rotated.findResources('AWS::SecretsManager::Secret')).filter((id) => id.startsWith('OriginVerify'));
    expect(secrets).toEqual([expect.stringMatching(/^OriginVerifySecretGeneration2/)]);
    const config = Object.values(rotated.findResources('AWS::CloudFront::Distribution'))[0].Properties.DistributionConfig;
    expect(JSON.stringify(config.Origins)).toContain(secrets[0]);
    for (const fn of resourcesWithPrefix(rotated, 'AWS::Lambda::Function', 'Routes')) {
      expect(fn.Properties.Environment.Variables.ORIGIN_VERIFY_SECRET_ARN).toEqual({ Ref: secrets[0] });
    }
  });

  it('passes /api/* to the HTTP API uncached, with cookies, query strings and all headers but Host', () => {
    expect(apiBehavior()).toMatchObject({
      ViewerProtocolPolicy: 'https-only',
      AllowedMethods: expect.arrayContaining(['GET', 'POST']),
      CachePolicyId: CachePolicy.CACHING_DISABLED.cachePolicyId,
      OriginRequestPolicyId: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER.originRequestPolicyId,
    });
    const apiOrigin = distributionConfig().Origins.find((o: { Id: string }) => o.Id === apiBehavior().TargetOriginId);
    expect(apiOrigin.CustomOriginConfig).toMatchObject({ OriginProtocolPolicy: 'https-only' });
    expect(JSON.stringify(apiOrigin.DomainName)).toMatch(/ApiHttpApi.*ApiEndpoint/);
  });

  it('adds the security headers to pages and API answers alike', () => {
    web.hasResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
      ResponseHeadersPolicyConfig: {
        SecurityHeadersConfig: {
          ContentSecurityPolicy: { ContentSecurityPolicy: CONTENT_SECURITY_POLICY, Override: true },
          StrictTransportSecurity: { AccessControlMaxAgeSec: Match.anyValue(), IncludeSubdomains: true, Override: true },
          ContentTypeOptions: { Override: true },
          ReferrerPolicy: { ReferrerPolicy: 'no-referrer', Override: true },
          FrameOptions: { FrameOption: 'DENY', Override: true },
        },
      },
    });
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'");
    const policy = { Ref: expect.stringMatching(/^SiteSecurityHeaders/) };
    expect(distributionConfig().DefaultCacheBehavior.ResponseHeadersPolicyId).toEqual(policy);
    expect(apiBehavior().ResponseHeadersPolicyId).toEqual(policy);
  });

  it('asks browsers to keep to HTTPS, subdomains included, for at least a year: the value the handlers send', () => {
    const policy = Object.values(web.findResources('AWS::CloudFront::ResponseHeadersPolicy'))[0];
    const hsts = policy.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig.StrictTransportSecurity;
    expect(hsts.AccessControlMaxAgeSec).toBeGreaterThanOrEqual(31_536_000);
    expect(hsts).toMatchObject({ AccessControlMaxAgeSec: HSTS_MAX_AGE_SECONDS, IncludeSubdomains: true });
  });
});

describe('web ACL (edge stack, us-east-1)', () => {
  const webAcl = () => Object.values(edge.findResources('AWS::WAFv2::WebACL'))[0].Properties;
  const rule = (name: string) => webAcl().Rules.find((r: { Name: string }) => r.Name === name);

  it('guards CloudFront, letting through what no rule blocks', () => {
    expect(webAcl()).toMatchObject({
      Scope: 'CLOUDFRONT',
      DefaultAction: { Allow: {} },
      VisibilityConfig: { MetricName: 'CustomerSupportWeb-dev', CloudWatchMetricsEnabled: true, SampledRequestsEnabled: true },
    });
  });

  it('runs the AWS managed IP reputation, common and known-bad-inputs rule groups', () => {
    const managed = webAcl()
      .Rules.filter((r: { Statement: { ManagedRuleGroupStatement?: unknown } }) => r.Statement.ManagedRuleGroupStatement)
      .map((r: { Statement: { ManagedRuleGroupStatement: { VendorName: string; Name: string } }; OverrideAction: unknown }) => ({
        vendor: r.Statement.ManagedRuleGroupStatement.VendorName,
        name: r.Statement.ManagedRuleGroupStatement.Name,
        override: r.OverrideAction,
      }));
    expect(managed).toEqual(
      ['AWSManagedRulesAmazonIpReputationList', 'AWSManagedRulesCommonRuleSet', 'AWSManagedRulesKnownBadInputsRuleSet'].map((name) => ({
        vendor: 'AWS',
        name,
        override: { None: {} },
      })),
    );
    // Only the two body rules that passwords can trip are counted instead of blocked.
    expect(rule('AWSManagedRulesCommonRuleSet').Statement.ManagedRuleGroupStatement.RuleActionOverrides).toEqual([
      { Name: 'CrossSiteScripting_BODY', ActionToUse: { Count: {} } },
      { Name: 'GenericLFI_BODY', ActionToUse: { Count: {} } },
    ]);
  });

  it("rate-limits each IP on the sign-in and mail routes first, with the stage's limit per 5 minutes", () => {
    const rateRule = rule('RateLimitSignInAndMailRoutes');
    expect(rateRule.Priority).toBe(0);
    expect(rateRule.Statement.RateBasedStatement).toMatchObject({ AggregateKeyType: 'IP', Limit: 100, EvaluationWindowSec: 300 });
    const matches = rateRule.Statement.RateBasedStatement.ScopeDownStatement.OrStatement.Statements.map(
      (s: {
        ByteMatchStatement: {
          SearchString: string;
          PositionalConstraint: string;
          FieldToMatch: unknown;
          TextTransformations: { Type: string }[];
        };
      }) => s.ByteMatchStatement,
    );
    expect(matches.map((m: { SearchString: string }) => m.SearchString)).toEqual([...RATE_LIMITED_PATH_PREFIXES]);
    for (const match of matches) {
      expect(match).toMatchObject({ FieldToMatch: { UriPath: {} }, PositionalConstraint: 'STARTS_WITH' });
      expect(match.TextTransformations.map((t: { Type: string }) => t.Type)).toEqual(['URL_DECODE', 'NORMALIZE_PATH', 'LOWERCASE']);
    }
    const limited = synthStage('dev', { wafRateLimitPer5Min: 300 }).edge;
    const acl = Object.values(limited.findResources('AWS::WAFv2::WebACL'))[0].Properties;
    expect(acl.Rules[0].Statement.RateBasedStatement.Limit).toBe(300);
  });

  it('covers every route that checks a password or passcode or sends mail, and no other', () => {
    const limited = (path: string) => RATE_LIMITED_PATH_PREFIXES.some((prefix) => path.startsWith(prefix));
    const signInAndMail = [
      'first-login',
      'complete-registration',
      'registration-status',
      'login',
      'password-reset',
      'password-reset-status',
      'complete-password-reset',
      'change-password',
      'email-change',
      'email-change-status',
      'complete-email-change',
      'passkey-login-options',
      'passkey-login',
      'login-passkey-options',
      'login-passkey',
      'second-factor',
      'proof',
      'authenticator-setup',
      'authenticator-confirm',
      'authenticator-remove',
    ];
    for (const route of routes) expect([route.entry, limited(route.path)]).toEqual([route.entry, signInAndMail.includes(route.entry)]);
  });

  it('answers a blocked IP with 429 and an error the pages can show', () => {
    expect(rule('RateLimitSignInAndMailRoutes').Action).toEqual({
      Block: { CustomResponse: { ResponseCode: 429, CustomResponseBodyKey: 'too-many-requests' } },
    });
    expect(webAcl().CustomResponseBodies['too-many-requests']).toEqual({
      ContentType: 'APPLICATION_JSON',
      Content: TOO_MANY_REQUESTS_BODY,
    });
    expect(JSON.parse(TOO_MANY_REQUESTS_BODY).error.code).toBe('TOO_MANY_REQUESTS');
  });

  it('logs blocked and counted requests, without cookies, for the stage retention', () => {
    edge.hasResourceProperties('AWS::WAFv2::LoggingConfiguration', {
      ResourceArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^FirewallWebAcl'), 'Arn'] },
      LogDestinationConfigs: [
        Match.objectLike({
          'Fn::Join': ['', Match.arrayWith([Match.stringLikeRegexp(':log-group:aws-waf-logs-CustomerSupportWeb-dev$')])],
        }),
      ],
      RedactedFields: [{ SingleHeader: { Name: 'cookie' } }],
      LoggingFilter: {
        DefaultBehavior: 'DROP',
        Filters: [
          {
            Behavior: 'KEEP',
            Requirement: 'MEETS_ANY',
            Conditions: [{ ActionCondition: { Action: 'BLOCK' } }, { ActionCondition: { Action: 'COUNT' } }],
          },
        ],
      },
    });
    edge.hasResourceProperties('AWS::Logs::LogGroup', { LogGroupName: 'aws-waf-logs-CustomerSupportWeb-dev', RetentionInDays: 30 });
  });
});

describe('custom domain', () => {
  const certificateArn = 'arn:aws:acm:us-east-1:123456789012:certificate/11111111-2222-3333-4444-555555555555';
  const withDomain = synthStage('prod', { siteDomain: 'support.example.co.jp', certificateArn }).web;

  it('serves the site on the domain with its certificate and TLS 1.2+', () => {
    const config = Object.values(withDomain.findResources('AWS::CloudFront::Distribution'))[0].Properties.DistributionConfig;
    expect(config.Aliases).toEqual(['support.example.co.jp']);
    expect(config.ViewerCertificate).toMatchObject({
      AcmCertificateArn: certificateArn,
      MinimumProtocolVersion: 'TLSv1.2_2021',
      SslSupportMethod: 'sni-only',
    });
  });

  it('gives the handlers the domain as SITE_URL, so they do not wait for the distribution', () => {
    for (const fn of resourcesWithPrefix(withDomain, 'AWS::Lambda::Function', 'Routes')) {
      expect(fn.Properties.Environment.Variables.SITE_URL).toBe('https://support.example.co.jp');
    }
  });
});

describe('missing site build', () => {
  it('stops the synth with a message saying how to build it', () => {
    const config = parseStageConfig(cdkContext.stages, 'dev');
    const act = () =>
      createStacks(new App({ context: { 'aws:cdk:bundling-stacks': [] } }), 'dev', config, {
        functionsDir,
        siteContentDir: '/nonexistent/dist',
      });
    expect(act).toThrow(SynthInputError);
    expect(act).toThrow(/npm run build:site/);
  });
});
