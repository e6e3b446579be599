import { Stack, type StackProps } from 'aws-cdk-lib';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { SiteFirewall } from '../constructs/edge/site-firewall';
import type { StageConfig } from '../stage-config';

export interface EdgeStackProps extends StackProps {
  readonly config: StageConfig;
  /** Names the web ACL's metrics, which the dashboard (in the stage's region) reads back by name. */
  readonly metricPrefix: string;
}

/**
 * What CloudFront needs from us-east-1: the web ACL (AWS accepts a CLOUDFRONT-scoped ACL only
 * there). Kept apart from the web stack, which lives in the stage's region, and read by it
 * through a weak cross-stack reference (see WebStack).
 */
export class EdgeStack extends Stack {
  readonly webAclArn: string;

  constructor(scope: Construct, id: string, props: EdgeStackProps) {
    super(scope, id, props);
    const { config } = props;
    const firewall = new SiteFirewall(this, 'Firewall', {
      metricPrefix: props.metricPrefix,
      rateLimitPer5Min: config.wafRateLimitPer5Min,
      logRetention: config.logRetentionDays as RetentionDays,
      retainLogs: config.deletionProtection,
    });
    this.webAclArn = firewall.webAcl.attrArn;
  }
}
