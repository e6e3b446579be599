import { Tags, type App } from 'aws-cdk-lib';
import { functionsDir, siteBuildDir } from './paths';
import { SynthInputError } from './errors';
import { EDGE_REGION, dataStackName, edgeStackName, webStackName } from './stack-names';
import { DataStack } from './stacks/data-stack';
import { EdgeStack } from './stacks/edge-stack';
import { WebStack } from './stacks/web-stack';
import type { StageConfig } from './stage-config';

export interface StageStacks {
  readonly data: DataStack;
  readonly edge: EdgeStack;
  readonly web: WebStack;
}

/** Where the code to deploy lives; tests point these at fixtures. */
export interface CodeLocations {
  readonly functionsDir: string;
  readonly siteContentDir: string;
}

/**
 * The stacks of one stage: `CustomerSupportWeb-<stage>-Data` and `-Web` in the stage's region,
 * `-Edge` (the CloudFront web ACL) in us-east-1.
 */
export function createStacks(
  app: App,
  stage: string,
  config: StageConfig,
  code: CodeLocations = { functionsDir, siteContentDir: siteBuildDir },
): StageStacks {
  const account = config.account ?? process.env.CDK_DEFAULT_ACCOUNT;
  const region = config.region ?? process.env.CDK_DEFAULT_REGION;
  if (!region) {
    // The web stack reads the web ACL across regions, which needs both regions at synth time.
    throw new SynthInputError(
      `No region for stage "${stage}": set stages.${stage}.region in cdk.json (or AWS_REGION / a profile region for the CDK CLI).`,
    );
  }
  const env = { account, region };
  const metricPrefix = `CustomerSupportWeb-${stage}`;
  const data = new DataStack(app, dataStackName(stage), {
    env,
    stage,
    config,
    description: `お客様サポートWEB (${stage}): tables, user pool, mail identity and configuration set, passcode key, ops topic, ops audit log group`,
    terminationProtection: config.deletionProtection,
  });
  const edge = new EdgeStack(app, edgeStackName(stage), {
    env: { account, region: EDGE_REGION },
    config,
    metricPrefix,
    description: `お客様サポートWEB (${stage}): CloudFront web ACL (WAF)`,
  });
  const web = new WebStack(app, webStackName(stage), {
    env,
    stage,
    config,
    data: data.resources,
    webAclArn: edge.webAclArn,
    webAclMetricName: metricPrefix,
    ...code,
    description: `お客様サポートWEB (${stage}): API functions, HTTP API, site, monitoring`,
  });
  for (const stack of [data, edge, web]) {
    Tags.of(stack).add('Project', 'customer-support-web');
    Tags.of(stack).add('Stage', stage);
  }
  return { data, edge, web };
}
