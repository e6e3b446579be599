import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { cdkContext, synthStage } from './support/synth';

describe.each(Object.keys(cdkContext.stages))('stage "%s" of cdk.json', (stage) => {
  const { stacks } = synthStage(stage);

  it('synthesizes both stacks without errors', () => {
    for (const stack of [stacks.data, stacks.web]) {
      Annotations.fromStack(stack).hasNoError('*', Match.anyValue());
    }
    expect([stacks.data.stackName, stacks.web.stackName]).toEqual([
      `CustomerSupportWeb-${stage}-Data`,
      `CustomerSupportWeb-${stage}-Web`,
    ]);
  });

  it('deploys the stateless stack after the stateful one', () => {
    expect(stacks.web.dependencies).toContain(stacks.data);
    expect(stacks.data.dependencies).toHaveLength(0);
  });

  it('protects the data stack from deletion where the stage protects data', () => {
    expect(stacks.data.terminationProtection).toBe(cdkContext.stages[stage].deletionProtection);
  });
});
