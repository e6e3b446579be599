/**
 * The site frame of a stage: `/site-settings.json` as deployed beside the pages (the brand, the
 * footer's company and links), and the stage's logo copied into the site at /brand/logo.<ext>.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SynthInputError } from '../../lib/errors';
import { repoRoot } from '../../lib/paths';
import { type Synthesized, synthStage } from './support/synth';

const LOGO = 'test/cdk/fixtures/brand-logo.png';

/** Each asset the web stack's bucket deployment carries, as the staged folder in the cloud assembly. */
function deployedAssets(synth: Synthesized): string[] {
  const deployment = Object.values(synth.web.findResources('Custom::CDKBucketDeployment'))[0];
  const keys: string[] = deployment.Properties.SourceObjectKeys;
  const assembly = synth.app.synth().directory;
  return keys.map((key) => join(assembly, `asset.${key.replace(/\.zip$/, '')}`));
}

/** A file as the stage deploys it into the bucket, from whichever asset carries it. */
function deployedFile(synth: Synthesized, path: string): Buffer | undefined {
  const found = deployedAssets(synth)
    .map((dir) => join(dir, path))
    .filter((file) => existsSync(file));
  expect(found.length).toBeLessThanOrEqual(1);
  return found[0] === undefined ? undefined : readFileSync(found[0]);
}

const settingsOf = (synth: Synthesized) => JSON.parse(deployedFile(synth, 'site-settings.json')!.toString('utf8'));
const missingPagesCode = (synth: Synthesized): string =>
  Object.values(synth.web.findResources('AWS::CloudFront::Function'))[0].Properties.FunctionCode;

describe('the site frame of a stage', () => {
  const dev = synthStage('dev');

  it("deploys cdk.json's brand, contact and company, with no logo and no footer links where the stage sets none", () => {
    expect(settingsOf(dev)).toEqual({
      brandName: 'GMOフィナンシャルゲート',
      supportContactName: 'GMOフィナンシャルゲート株式会社 管理本部 業務課 お客様サポートWEB担当',
      supportContactEmail: 'support-web@dev.example.com',
      mailFromAddress: 'no-reply@dev.example.com',
      companyName: 'GMOフィナンシャルゲート株式会社',
    });
    expect(deployedAssets(dev).some((dir) => existsSync(join(dir, 'brand')))).toBe(false);
    expect(missingPagesCode(dev)).not.toContain('/brand/');
  });

  describe('with a logo and the footer links', () => {
    const framed = synthStage('dev', {
      brandLogo: LOGO,
      companyName: 'テスト株式会社',
      privacyPolicyUrl: 'https://www.example.com/privacy/',
      termsUrl: '/terms.html',
      contactUrl: 'mailto:support@example.com',
    });

    it('deploys the settings with the logo’s site path and the links', () => {
      expect(settingsOf(framed)).toMatchObject({
        companyName: 'テスト株式会社',
        brandLogo: '/brand/logo.png',
        privacyPolicyUrl: 'https://www.example.com/privacy/',
        termsUrl: '/terms.html',
        contactUrl: 'mailto:support@example.com',
      });
    });

    it('copies the logo file into the site at that path, byte for byte, and CloudFront serves it (not the 404 page)', () => {
      expect(deployedFile(framed, 'brand/logo.png')).toEqual(readFileSync(join(repoRoot, LOGO)));
      expect(missingPagesCode(framed)).toContain('"/brand/logo.png":1');
    });

    it('adds no resource: the logo is one more source of the same deployment', () => {
      const count = (synth: Synthesized) => Object.keys(synth.web.toJSON().Resources).length;
      expect(count(framed)).toBe(count(dev));
    });
  });

  it('stops the synth when the logo file is not there', () => {
    expect(() => synthStage('dev', { brandLogo: 'test/cdk/fixtures/no-such-logo.svg' })).toThrow(SynthInputError);
    expect(() => synthStage('dev', { brandLogo: 'test/cdk/fixtures/no-such-logo.svg' })).toThrow(
      /brandLogo: .*no-such-logo\.svg does not exist/,
    );
  });
});
