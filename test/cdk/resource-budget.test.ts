/**
 * CloudFormation takes at most 500 resources in a stack. Every stack keeps half of that free, so
 * the staff console and the audit archive have room (docs/architecture.md, "Functions by trust zone").
 */
import { synthStage } from './support/synth';

const BUDGET = 250;

describe.each(['dev', 'prod'])('the %s stacks', (stage) => {
  const synthesized = synthStage(stage);

  it.each(['data', 'edge', 'web'] as const)(`%s holds at most ${BUDGET} resources`, (stack) => {
    const count = Object.keys(synthesized[stack].toJSON().Resources).length;
    expect(count).toBeGreaterThan(0);
    expect(count).toBeLessThanOrEqual(BUDGET);
  });
});
