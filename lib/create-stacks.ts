import { Tags, type App } from 'aws-cdk-lib';
import { handlersDir, siteBuildDir } from './paths';
import { dataStackName, webStackName } from './stack-names';
import { DataStack } from './stacks/data-stack';
import { WebStack } from './stacks/web-stack';
import type { StageConfig } from './stage-config';

export interface StageStacks {
  readonly data: DataStack;
  readonly web: WebStack;
}

/** Where the code to deploy lives; tests point these at fixtures. */
export interface CodeLocations {
  readonly handlersDir: string;
  readonly siteContentDir: string;
}

/** The stacks of one stage: `CustomerSupportWeb-<stage>-Data` and `CustomerSupportWeb-<stage>-Web`. */
export function createStacks(
  app: App,
  stage: string,
  config: StageConfig,
  code: CodeLocations = { handlersDir, siteContentDir: siteBuildDir },
): StageStacks {
  const env = {
    account: config.account ?? process.env.CDK_DEFAULT_ACCOUNT,
    region: config.region ?? process.env.CDK_DEFAULT_REGION,
  };
  const data = new DataStack(app, dataStackName(stage), {
    env,
    config,
    description: `お客様サポートWEB (${stage}): tables, user pool, mail identity, passcode key`,
    terminationProtection: config.deletionProtection,
  });
  const web = new WebStack(app, webStackName(stage), {
    env,
    stage,
    config,
    data: data.resources,
    ...code,
    description: `お客様サポートWEB (${stage}): API functions, HTTP API, site`,
  });
  for (const stack of [data, web]) {
    Tags.of(stack).add('Project', 'customer-support-web');
    Tags.of(stack).add('Stage', stage);
  }
  return { data, web };
}
