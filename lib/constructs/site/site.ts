import { FileSystem, Fn, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import type { IHttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  FunctionEventType,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  OriginSslPolicy,
  PriceClass,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { SITE_SETTINGS_FILE, type SiteSettings } from '../../../lambdas/site-settings';
import { Construct } from 'constructs';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { SynthInputError } from '../../errors';
import { AccessLogBucket } from './access-log-bucket';
import { acknowledgeBucketDeploymentHandler } from './deployment-acknowledgments';
import { MissingPages } from './missing-pages';
import { SecurityHeadersPolicy } from './security-headers-policy';

export interface SiteProps {
  readonly httpApi: IHttpApi;
  /** The built static site (static-site/dist), with index.html at its root. */
  readonly contentDir: string;
  readonly customDomain?: { readonly name: string; readonly certificateArn: string };
  /** Written as `/site-settings.json` beside the pages, so the built site is the same for every stage. */
  readonly settings: SiteSettings;
  /** The stage's logo file, deployed at `settings.brandLogo` (a path of the site). */
  readonly brandLogoFile?: string;
  /** The CLOUDFRONT-scoped WAF web ACL (from us-east-1). */
  readonly webAclArn: string;
  /** The header CloudFront adds to API requests, and its value (a dynamic reference to a secret). */
  readonly originVerify: { readonly header: string; readonly value: string };
  readonly accessLogs: { readonly retentionDays: number; readonly retain: boolean };
}

/**
 * One origin for the browser: the static site from a private bucket, and `/api/*` passed
 * through to the HTTP API uncached, so cookies stay first-party and no CORS is needed. WAF
 * guards the distribution; the API requests carry the origin-verify secret; CloudFront and the
 * content bucket log into the access log bucket.
 */
export class Site extends Construct {
  readonly bucket: Bucket;
  readonly logBucket: Bucket;
  readonly distribution: Distribution;
  /** The origin merchants use, without a trailing slash. */
  readonly url: string;

  constructor(scope: Construct, id: string, props: SiteProps) {
    super(scope, id);
    assertBuilt(props.contentDir);
    const logo =
      props.settings.brandLogo && props.brandLogoFile ? { path: props.settings.brandLogo, file: props.brandLogoFile } : undefined;
    this.logBucket = new AccessLogBucket(this, 'AccessLogs', props.accessLogs).bucket;
    // Its content is rebuilt from the repository on every deploy, so it need not outlive the stack.
    this.bucket = new Bucket(this, 'Content', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: BucketEncryption.S3_MANAGED,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: this.logBucket,
      serverAccessLogsPrefix: 's3-content/',
      removalPolicy: RemovalPolicy.DESTROY,
      autoDeleteObjects: true,
    });
    const headers = new SecurityHeadersPolicy(this, 'SecurityHeaders').policy;
    const { customDomain } = props;
    // Not custom error responses: those are distribution-wide and would rewrite the API's JSON errors.
    const missingPages = new MissingPages(this, 'MissingPages', {
      contentDir: props.contentDir,
      extraFiles: [SITE_SETTINGS_FILE, ...(logo ? [logo.path.slice(1)] : [])],
    }).function;
    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'お客様サポートWEB',
      defaultRootObject: 'index.html',
      domainNames: customDomain && [customDomain.name],
      certificate: customDomain && Certificate.fromCertificateArn(this, 'Certificate', customDomain.certificateArn),
      // Only settable with a custom certificate; the default *.cloudfront.net one is fixed by AWS.
      minimumProtocolVersion: customDomain && SecurityPolicyProtocol.TLS_V1_2_2021,
      httpVersion: HttpVersion.HTTP2_AND_3,
      // Includes Japan, where the merchants are.
      priceClass: PriceClass.PRICE_CLASS_200,
      webAclId: props.webAclArn,
      enableLogging: true,
      logBucket: this.logBucket,
      logFilePrefix: 'cloudfront/',
      // The session cookie must not reach a log file.
      logIncludesCookies: false,
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: headers,
        compress: true,
        functionAssociations: [
          { function: missingPages, eventType: FunctionEventType.VIEWER_REQUEST },
          { function: missingPages, eventType: FunctionEventType.VIEWER_RESPONSE },
        ],
      },
      additionalBehaviors: {
        '/api/*': {
          origin: new HttpOrigin(apiDomain(props.httpApi), {
            protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
            originSslProtocols: [OriginSslPolicy.TLS_V1_2],
            // Overwrites any header of that name a viewer sends.
            customHeaders: { [props.originVerify.header]: props.originVerify.value },
          }),
          // A redirected POST would lose its body: plain HTTP is refused instead.
          viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: AllowedMethods.ALLOW_ALL,
          cachePolicy: CachePolicy.CACHING_DISABLED,
          // Cookies, query strings and every header but Host (API Gateway routes on its own host name).
          originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          responseHeadersPolicy: headers,
        },
      },
    });
    new BucketDeployment(this, 'Deployment', {
      sources: [
        Source.asset(props.contentDir),
        Source.jsonData(SITE_SETTINGS_FILE, props.settings),
        ...(logo ? [Source.asset(stagedLogo(logo))] : []),
      ],
      destinationBucket: this.bucket,
      distribution: this.distribution,
      distributionPaths: ['/*'],
      memoryLimit: 512,
    });
    this.url = `https://${customDomain?.name ?? this.distribution.distributionDomainName}`;
    this.acknowledgeNagFindings(Boolean(customDomain));
  }

  private acknowledgeNagFindings(hasCustomDomain: boolean): void {
    Validations.of(this.distribution).acknowledge({
      id: 'AwsSolutions-CFR1',
      reason:
        'No geo restriction: merchants sign in from Japan and from abroad (travel, overseas staff); WAF rate limits and IP reputation rules protect the sign-in routes instead.',
    });
    if (!hasCustomDomain) {
      Validations.of(this.distribution).acknowledge({
        id: 'AwsSolutions-CFR4',
        reason:
          'Without a custom domain CloudFront serves its *.cloudfront.net certificate, whose security policy AWS fixes; a stage with siteDomain and certificateArn gets TLSv1.2_2021. Production stages set a domain (docs/deploy.md).',
      });
    }
    Validations.of(this.logBucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason: 'This is the access log bucket itself; logging its own accesses into itself would loop.',
    });
    acknowledgeBucketDeploymentHandler(Stack.of(this), this.bucket);
  }
}

/** `https://<id>.execute-api.<region>.amazonaws.com` → the host name CloudFront connects to. */
function apiDomain(httpApi: IHttpApi): string {
  return Fn.select(2, Fn.split('/', httpApi.apiEndpoint));
}

/**
 * A folder holding only the logo at its site path (brand/logo.svg): an asset is a folder, and
 * the logo may be binary (PNG), which Source.data cannot carry.
 */
function stagedLogo(logo: { path: string; file: string }): string {
  if (!existsSync(logo.file)) throw new SynthInputError(`brandLogo: ${logo.file} does not exist.`);
  const dir = FileSystem.mkdtemp('site-logo-');
  const target = join(dir, ...logo.path.slice(1).split('/'));
  mkdirSync(join(target, '..'), { recursive: true });
  copyFileSync(logo.file, target);
  return dir;
}

function assertBuilt(contentDir: string): void {
  if (!existsSync(join(contentDir, 'index.html'))) {
    throw new SynthInputError(
      `The static site is not built: ${join(contentDir, 'index.html')} is missing. Run \`npm run build:site\` first.`,
    );
  }
}
