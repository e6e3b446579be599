import { App } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import { CachePolicy, OriginRequestPolicy } from 'aws-cdk-lib/aws-cloudfront';
import { CONTENT_SECURITY_POLICY } from '../../lambdas/http/security-headers';
import { createStacks } from '../../lib/create-stacks';
import { SynthInputError } from '../../lib/errors';
import { handlersDir } from '../../lib/paths';
import { parseStageConfig } from '../../lib/stage-config';
import { cdkContext, resourcesWithPrefix, synthStage } from './support/synth';

const { web } = synthStage('dev');
const distributionConfig = () => Object.values(web.findResources('AWS::CloudFront::Distribution'))[0].Properties.DistributionConfig;
const apiBehavior = () => distributionConfig().CacheBehaviors.find((b: { PathPattern: string }) => b.PathPattern === '/api/*');

describe('content bucket', () => {
  it('blocks all public access and refuses plain HTTP', () => {
    web.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
    });
    web.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
  });

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
  it('serves index.html at the root and redirects HTTP to HTTPS', () => {
    expect(distributionConfig()).toMatchObject({
      DefaultRootObject: 'index.html',
      DefaultCacheBehavior: { ViewerProtocolPolicy: 'redirect-to-https' },
    });
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

  it('asks browsers to keep to HTTPS for at least a year', () => {
    const policy = Object.values(web.findResources('AWS::CloudFront::ResponseHeadersPolicy'))[0];
    const hsts = policy.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig.StrictTransportSecurity;
    expect(hsts.AccessControlMaxAgeSec).toBeGreaterThanOrEqual(31_536_000);
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
        handlersDir,
        siteContentDir: '/nonexistent/dist',
      });
    expect(act).toThrow(SynthInputError);
    expect(act).toThrow(/npm run build:site/);
  });
});
