import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createStacks, type StageStacks } from '../../../lib/create-stacks';
import { functionsDir, repoRoot } from '../../../lib/paths';
import { parseStageConfig } from '../../../lib/stage-config';

/** cdk.json's context: the stages and the feature flags the real app synthesizes with. */
export const cdkContext: Record<string, unknown> & { stages: Record<string, Record<string, unknown>> } = JSON.parse(
  readFileSync(join(repoRoot, 'cdk.json'), 'utf8'),
).context;

/** A stand-in for static-site/dist, so tests do not depend on the site build. */
export const siteFixtureDir = join(__dirname, '..', 'fixtures', 'site');

export interface Synthesized {
  readonly app: App;
  readonly stacks: StageStacks;
  readonly data: Template;
  readonly edge: Template;
  readonly web: Template;
}

/**
 * Synthesizes one stage of cdk.json, optionally with some settings changed, without bundling
 * the Lambdas (the handlers' files must exist, their code is not compiled).
 */
export function synthStage(stage: string, overrides: Record<string, unknown> = {}): Synthesized {
  const app = new App({ context: { ...cdkContext, 'aws:cdk:bundling-stacks': [] } });
  const config = parseStageConfig({ [stage]: { ...cdkContext.stages[stage], ...overrides } }, stage);
  const stacks = createStacks(app, stage, config, { functionsDir, siteContentDir: siteFixtureDir });
  return {
    app,
    stacks,
    data: Template.fromStack(stacks.data),
    edge: Template.fromStack(stacks.edge),
    web: Template.fromStack(stacks.web),
  };
}

/** Resources of `type` whose logical id starts with `prefix` (construct paths become id prefixes). */
export function resourcesWithPrefix(template: Template, type: string, prefix: string): Record<string, any>[] {
  return Object.entries(template.findResources(type))
    .filter(([logicalId]) => logicalId.startsWith(prefix))
    .map(([, resource]) => resource);
}
