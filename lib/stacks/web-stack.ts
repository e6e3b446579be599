import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { TEXT_DEFAULTS } from '../../lambdas/config';
import { siteSettings } from '../../lambdas/site-settings';
import { ApiRoutes } from '../constructs/api/api-routes';
import { HttpApiGateway } from '../constructs/api/http-api-gateway';
import { lambdaEnvironment } from '../constructs/api/lambda-environment';
import { Site } from '../constructs/site/site';
import type { DataResources } from '../data-resources';
import type { StageConfig } from '../stage-config';

export interface WebStackProps extends StackProps {
  readonly stage: string;
  readonly config: StageConfig;
  readonly data: DataResources;
  readonly handlersDir: string;
  readonly siteContentDir: string;
}

/**
 * Everything stateless: the API's functions and the site. They share one stack because each
 * needs the other: the functions need the site's URL (completion links, the Origin check) and
 * CloudFront needs the API's domain. As two stacks that is a cycle of cross-stack references;
 * inside one stack CloudFormation orders it as HTTP API → distribution → functions → routes.
 * With a custom domain the site URL is known up front and the functions do not wait at all.
 */
export class WebStack extends Stack {
  constructor(scope: Construct, id: string, props: WebStackProps) {
    super(scope, id, props);
    const { config, data } = props;
    const logRetention = config.logRetentionDays as RetentionDays;

    const { httpApi } = new HttpApiGateway(this, 'Api', { logRetention });
    const site = new Site(this, 'Site', {
      httpApi,
      contentDir: props.siteContentDir,
      settings: siteSettings({
        BRAND_NAME: config.brandName ?? TEXT_DEFAULTS.BRAND_NAME,
        SUPPORT_CONTACT_NAME: config.supportContactName ?? TEXT_DEFAULTS.SUPPORT_CONTACT_NAME,
        SUPPORT_CONTACT_EMAIL: config.supportContactEmail,
      }),
      customDomain:
        config.siteDomain && config.certificateArn
          ? { name: config.siteDomain, certificateArn: config.certificateArn }
          : undefined,
    });
    new ApiRoutes(this, 'Routes', {
      httpApi,
      handlersDir: props.handlersDir,
      data,
      logRetention,
      memorySize: config.lambdaMemoryMb,
      environment: lambdaEnvironment({
        stage: props.stage,
        config,
        siteUrl: site.url,
        tableNames: {
          accounts: data.tables.accounts.tableName,
          requests: data.tables.requests.tableName,
          sessions: data.tables.sessions.tableName,
          limits: data.tables.limits.tableName,
        },
        userPoolId: data.userPool.userPoolId,
        userPoolClientId: data.userPoolClient.userPoolClientId,
        passcodeKeySecretArn: data.passcodeKey.secretArn,
      }),
    });

    new CfnOutput(this, 'SiteUrl', { value: site.url });
    new CfnOutput(this, 'DistributionId', { value: site.distribution.distributionId });
    new CfnOutput(this, 'SiteBucketName', { value: site.bucket.bucketName });
    new CfnOutput(this, 'ApiEndpoint', { value: httpApi.apiEndpoint });
  }
}
