import { App } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { createStacks } from '../../lib/create-stacks';
import { SynthInputError } from '../../lib/errors';
import { functionsDir } from '../../lib/paths';
import { parseStageConfig } from '../../lib/stage-config';
import { ZONES } from '../../lambdas/routes';
import { cdkContext, resourcesWithPrefix, siteFixtureDir, synthStage } from './support/synth';

describe.each(Object.keys(cdkContext.stages))('stage "%s" of cdk.json', (stage) => {
  const { stacks } = synthStage(stage);

  it('synthesizes its three stacks without errors', () => {
    for (const stack of [stacks.data, stacks.edge, stacks.web]) {
      Annotations.fromStack(stack).hasNoError('*', Match.anyValue());
    }
    expect([stacks.data.stackName, stacks.edge.stackName, stacks.web.stackName]).toEqual([
      `CustomerSupportWeb-${stage}-Data`,
      `CustomerSupportWeb-${stage}-Edge`,
      `CustomerSupportWeb-${stage}-Web`,
    ]);
  });

  it('puts the web ACL in us-east-1 and the rest in the stage region', () => {
    expect(stacks.edge.region).toBe('us-east-1');
    expect(stacks.data.region).toBe(cdkContext.stages[stage].region);
    expect(stacks.web.region).toBe(cdkContext.stages[stage].region);
  });

  it('deploys the stateless stack after the stateful one and the web ACL', () => {
    expect(stacks.web.dependencies).toEqual(expect.arrayContaining([stacks.data, stacks.edge]));
    expect(stacks.data.dependencies).toHaveLength(0);
    expect(stacks.edge.dependencies).toHaveLength(0);
  });

  it('protects the data stack from deletion where the stage protects data', () => {
    expect(stacks.data.terminationProtection).toBe(cdkContext.stages[stage].deletionProtection);
  });
});

describe('the second sign-in step of each stage', () => {
  it.each([
    ['prod', 'required'],
    ['dev', 'optional'],
  ])('stage "%s" gives every API function the MFA policy %s', (stage, policy) => {
    const handlers = resourcesWithPrefix(synthStage(stage).web, 'AWS::Lambda::Function', 'Routes');
    // One function per zone; the default route is the sign-in function's.
    expect(handlers).toHaveLength(ZONES.length);
    for (const handler of handlers) expect(handler.Properties.Environment.Variables.MFA_POLICY).toBe(policy);
  });
});

describe('a stage without a region', () => {
  it('stops the synth with a message saying where to set one (the web ACL is read across regions)', () => {
    const { region: _region, ...withoutRegion } = cdkContext.stages.dev;
    const config = parseStageConfig({ dev: withoutRegion }, 'dev');
    const saved = process.env.CDK_DEFAULT_REGION;
    delete process.env.CDK_DEFAULT_REGION;
    try {
      const act = () => createStacks(new App(), 'dev', config, { functionsDir, siteContentDir: siteFixtureDir });
      expect(act).toThrow(SynthInputError);
      expect(act).toThrow(/stages\.dev\.region/);
    } finally {
      if (saved !== undefined) process.env.CDK_DEFAULT_REGION = saved;
    }
  });
});

describe('the PCI DSS numbers (prod), and dev as it was', () => {
  const environments = (stage: string) =>
    resourcesWithPrefix(synthStage(stage).web, 'AWS::Lambda::Function', 'Routes').map(
      (fn) => fn.Properties.Environment.Variables as Record<string, unknown>,
    );

  it('gives every prod function idle 15 minutes, absolute 12 hours, and a 30-minute lock after 5 failures', () => {
    const prod = environments('prod');
    expect(prod.length).toBeGreaterThan(1);
    for (const variables of prod) {
      expect(variables).toMatchObject({
        SESSION_IDLE_MINUTES: '15',
        SESSION_ABSOLUTE_MINUTES: '720',
        LOCKOUT_THRESHOLD: '5',
        LOCKOUT_MINUTES: '30',
      });
      // PCI DSS v4.0.1 8.2.8 (idle ≤ 15 minutes), 8.3.4 (≤ 10 attempts, a lock of ≥ 30 minutes).
      expect(Number(variables.SESSION_IDLE_MINUTES)).toBeLessThanOrEqual(15);
      expect(Number(variables.LOCKOUT_THRESHOLD)).toBeLessThanOrEqual(10);
      expect(Number(variables.LOCKOUT_MINUTES)).toBeGreaterThanOrEqual(30);
    }
  });

  it('keeps dev at idle 30 and a 15-minute lock, so local walks stay quick', () => {
    for (const variables of environments('dev')) {
      expect(variables).toMatchObject({ SESSION_IDLE_MINUTES: '30', LOCKOUT_MINUTES: '15', LOCKOUT_THRESHOLD: '5' });
    }
  });
});
