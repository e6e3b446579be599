import { Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { cdkContext, synthStage, type Synthesized } from './support/synth';

const certificateArn = 'arn:aws:acm:us-east-1:123456789012:certificate/11111111-2222-3333-4444-555555555555';

/** cdk-nag's findings on the whole app, as `rule @ construct path` lines (empty when all pass). */
function findings({ app }: Synthesized): string[] {
  const { violations } = new AwsSolutionsChecks(app).validateScope(app);
  return violations.flatMap((v) => v.violatingResources.map((r) => `${v.ruleName} @ ${r.constructPath}: ${v.description}`));
}

/** Every acknowledgment made in the app, with its reason. */
function acknowledgments({ app }: Synthesized): { id: string; reason: unknown }[] {
  return app.node
    .findAll()
    .flatMap((c) => c.node.metadata.filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY))
    .flatMap((m) => Object.entries(m.data as Record<string, unknown>).map(([id, reason]) => ({ id, reason })));
}

describe('cdk-nag AWS Solutions checks', () => {
  const variants: [string, Synthesized][] = [
    ...Object.keys(cdkContext.stages).map((stage): [string, Synthesized] => [`stage ${stage}`, synthStage(stage)]),
    ['prod with a custom domain', synthStage('prod', { siteDomain: 'support.example.co.jp', certificateArn })],
    ['dev on the PLUS plan with threat protection', synthStage('dev', { cognitoFeaturePlan: 'PLUS', cognitoThreatProtection: 'enforced' })],
  ];

  it.each(variants)('%s: no finding left unacknowledged', (_name, synthesized) => {
    expect(findings(synthesized)).toEqual([]);
  });

  it.each(variants)('%s: every acknowledgment carries a written reason', (_name, synthesized) => {
    const acks = acknowledgments(synthesized);
    expect(acks.length).toBeGreaterThan(0);
    for (const { id, reason } of acks) {
      expect(typeof reason).toBe('string');
      expect([id, (reason as string).length >= 40]).toEqual([id, true]);
    }
  });

  it('acknowledges the TLS policy of the default certificate only when there is no custom domain', () => {
    const ids = (s: Synthesized) => acknowledgments(s).map((a) => a.id);
    expect(ids(variants[0][1]).some((id) => id.includes('AwsSolutions-CFR4'))).toBe(true);
    expect(ids(variants[2][1]).some((id) => id.includes('AwsSolutions-CFR4'))).toBe(false);
  });

  it('acknowledges the missing PLUS plan only when the stage does not choose it', () => {
    const ids = (s: Synthesized) => acknowledgments(s).map((a) => a.id);
    expect(ids(variants[0][1]).some((id) => id.includes('AwsSolutions-COG8'))).toBe(true);
    expect(ids(variants[3][1]).some((id) => id.includes('AwsSolutions-COG8'))).toBe(false);
  });
});
