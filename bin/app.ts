import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { createStacks } from '../lib/create-stacks';
import { SynthInputError } from '../lib/errors';
import { commandLineOverrides, parseStageConfig } from '../lib/stage-config';
import { buildSite } from '../static-site/build';

/**
 * `npx cdk synth|deploy -c stage=<name>`; the stage's settings are in cdk.json → context.stages,
 * and any of them can be given for one run as `-c <field>=<value>`.
 */
async function main() {
  // The site is built here, as CDK bundles every function itself: a fresh clone needs no other step.
  await buildSite();
  const app = new App();
  const stage: string = app.node.tryGetContext('stage') ?? 'dev';

  try {
    const overrides = commandLineOverrides((key) => app.node.tryGetContext(key));
    createStacks(app, stage, parseStageConfig(app.node.tryGetContext('stages'), stage, overrides));
  } catch (error) {
    if (!(error instanceof SynthInputError)) throw error;
    console.error(error.message);
    process.exit(1);
  }

  // cdk-nag's AWS Solutions rules: any finding not acknowledged (with its reason, next to the
  // construct it concerns) stops the synth, and so the deploy.
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  app.synth();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
