import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import { extname, resolve } from 'node:path';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { TEXT_DEFAULTS } from '../../lambdas/config';
import { isLogoExtension } from '../../lambdas/domain/site-frame';
import { siteSettings } from '../../lambdas/site-settings';
import { ApiRoutes } from '../constructs/api/api-routes';
import { HttpApiGateway } from '../constructs/api/http-api-gateway';
import { lambdaEnvironment } from '../constructs/api/lambda-environment';
import { INACTIVE_ACCOUNTS_JOB } from '../../lambdas/schedules';
import { Monitoring } from '../constructs/monitoring/monitoring';
import { ScheduledJob } from '../constructs/scheduled/scheduled-job';
import { ORIGIN_VERIFY_HEADER, OriginVerifySecret } from '../constructs/site/origin-verify-secret';
import { Site } from '../constructs/site/site';
import { tableNamesOf } from '../constructs/tables';
import type { DataResources } from '../data-resources';
import { repoRoot } from '../paths';
import { opsAuditLogGroupName } from '../stack-names';
import type { StageConfig } from '../stage-config';

export interface WebStackProps extends StackProps {
  readonly stage: string;
  readonly config: StageConfig;
  readonly data: DataResources;
  /**
   * The CloudFront web ACL from the edge stack in us-east-1. A cross-region reference: with
   * cdk.json's `@aws-cdk/core:defaultCrossStackReferences: "weak"` CDK renders it as
   * `Fn::GetStackOutput` on the edge stack's output in us-east-1, read by CloudFormation at
   * deploy time: no SSM parameters to write and no reader/writer custom resources (the
   * `crossRegionReferences` mechanism) in either stack. A weak reference does not stop the edge
   * stack from being deleted first, but WAF itself refuses to delete an ACL a distribution uses.
   */
  readonly webAclArn: string;
  /** The web ACL's metric name, for the dashboard. */
  readonly webAclMetricName: string;
  readonly functionsDir: string;
  readonly siteContentDir: string;
}

/**
 * Everything stateless: the API's functions, the site and the monitoring. They share one stack
 * because each needs the other: the functions need the site's URL (completion links, the Origin
 * check) and CloudFront needs the API's domain. As two stacks that is a cycle of cross-stack
 * references; inside one stack CloudFormation orders it as HTTP API → distribution → functions
 * → routes. With a custom domain the site URL is known up front and the functions do not wait.
 */
export class WebStack extends Stack {
  constructor(scope: Construct, id: string, props: WebStackProps) {
    super(scope, id, props);
    const { config, data } = props;
    const logRetention = config.logRetentionDays as RetentionDays;

    const api = new HttpApiGateway(this, 'Api', { logRetention });
    const originVerify = new OriginVerifySecret(this, 'OriginVerify', { generation: config.originVerifySecretGeneration });
    const logoExtension = config.brandLogo && extname(config.brandLogo).toLowerCase();
    const site = new Site(this, 'Site', {
      httpApi: api.httpApi,
      contentDir: props.siteContentDir,
      settings: siteSettings(
        {
          BRAND_NAME: config.brandName ?? TEXT_DEFAULTS.BRAND_NAME,
          SUPPORT_CONTACT_NAME: config.supportContactName ?? TEXT_DEFAULTS.SUPPORT_CONTACT_NAME,
          SUPPORT_CONTACT_EMAIL: config.supportContactEmail,
          MAIL_FROM_ADDRESS: config.mailFromAddress,
        },
        {
          companyName: config.companyName,
          brandLogo: logoExtension && isLogoExtension(logoExtension) ? logoExtension : undefined,
          privacyPolicyUrl: config.privacyPolicyUrl,
          termsUrl: config.termsUrl,
          contactUrl: config.contactUrl,
        },
      ),
      brandLogoFile: config.brandLogo && resolve(repoRoot, config.brandLogo),
      customDomain:
        config.siteDomain && config.certificateArn ? { name: config.siteDomain, certificateArn: config.certificateArn } : undefined,
      webAclArn: props.webAclArn,
      originVerify: { header: ORIGIN_VERIFY_HEADER, value: originVerify.dynamicReference },
      accessLogs: { retentionDays: config.accessLogRetentionDays, retain: config.deletionProtection },
    });
    const environment = lambdaEnvironment({
      stage: props.stage,
      config,
      siteUrl: site.url,
      tableNames: tableNamesOf(data.tables),
      userPoolId: data.userPool.userPoolId,
      userPoolClientId: data.userPoolClient.userPoolClientId,
      passcodeKeySecretArn: data.passcodeKey.secretArn,
      totpKeySecretArn: data.totpKey.secretArn,
      originVerifySecretArn: originVerify.secret.secretArn,
      mailConfigurationSetName: data.mailConfigurationSet.configurationSetName,
    });
    const routes = new ApiRoutes(this, 'Routes', {
      httpApi: api.httpApi,
      functionsDir: props.functionsDir,
      data,
      shared: { originVerifySecret: originVerify.secret },
      logRetention,
      memorySize: config.lambdaMemoryMb,
      reservedConcurrency: config.lambdaReservedConcurrency ?? undefined,
      sourceMaps: config.lambdaSourceMaps,
      environment,
    });
    // PCI DSS 8.2.6 where the stage sets its days; dev leaves them unset and has no job.
    if (config.inactiveDisableDays) {
      new ScheduledJob(this, 'InactiveAccounts', {
        job: INACTIVE_ACCOUNTS_JOB,
        functionsDir: props.functionsDir,
        environment,
        data,
        logRetention,
        memorySize: config.lambdaMemoryMb,
        sourceMaps: config.lambdaSourceMaps,
      });
    }
    const monitoring = new Monitoring(this, 'Monitoring', {
      stage: props.stage,
      functions: routes.functions,
      earlierLogGroups: routes.earlierLogGroups,
      opsAuditLogGroupName: opsAuditLogGroupName(props.stage),
      apiAccessLogs: api.accessLogs,
      apiStage: api.stage,
      distribution: site.distribution,
      webAclMetricName: props.webAclMetricName,
      opsTopic: data.opsTopic,
      thresholds: {
        api5xxPercent: config.api5xxAlarmPercent,
        failedLoginsPer5Min: config.failedLoginsAlarmPer5Min,
        lockoutsPer5Min: config.lockoutsAlarmPer5Min,
        failedSecondStepsPer5Min: config.failedSecondStepsAlarmPer5Min,
        functionFailuresPer5Min: config.functionFailuresAlarmPer5Min,
        sesBounceRate: config.sesBounceRateAlarm,
        sesComplaintRate: config.sesComplaintRateAlarm,
      },
    });

    new CfnOutput(this, 'SiteUrl', { value: site.url });
    new CfnOutput(this, 'DistributionId', { value: site.distribution.distributionId });
    new CfnOutput(this, 'SiteBucketName', { value: site.bucket.bucketName });
    new CfnOutput(this, 'AccessLogBucketName', { value: site.logBucket.bucketName });
    new CfnOutput(this, 'ApiEndpoint', { value: api.httpApi.apiEndpoint });
    new CfnOutput(this, 'DashboardName', { value: monitoring.dashboard.dashboardName });
  }
}
