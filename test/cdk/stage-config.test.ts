import { StageConfigError, commandLineOverrides, parseStageConfig } from '../../lib/stage-config';
import { cdkContext } from './support/synth';

const dev = cdkContext.stages.dev;
const parse = (overrides: Record<string, unknown>) => () => parseStageConfig({ qa: { ...dev, ...overrides } }, 'qa');

describe('stage config', () => {
  it.each(Object.keys(cdkContext.stages))('accepts the "%s" stage of cdk.json', (stage) => {
    expect(parseStageConfig(cdkContext.stages, stage).mailFromAddress).toMatch(/@/);
  });

  it('names the known stages when the stage is unknown', () => {
    expect(() => parseStageConfig(cdkContext.stages, 'staging')).toThrow(/Unknown stage "staging".*dev, prod/);
  });

  it('names every invalid field with its path', () => {
    const act = parse({ mailFromAddress: 'not-an-email', logRetentionDays: 31, registrationValidityMinutes: 0 });
    expect(act).toThrow(StageConfigError);
    expect(act).toThrow(/stages\.qa\.mailFromAddress/);
    expect(act).toThrow(/stages\.qa\.logRetentionDays: must be one of CloudWatch's values/);
    expect(act).toThrow(/stages\.qa\.registrationValidityMinutes/);
  });

  it('refuses unknown keys, so a misspelt setting is not silently ignored', () => {
    expect(parse({ siteDomian: 'support.example.co.jp' })).toThrow(/siteDomian/);
  });

  it('needs a us-east-1 certificate with a custom domain', () => {
    expect(parse({ siteDomain: 'support.example.co.jp' })).toThrow(/siteDomain and certificateArn must be given together/);
    const tokyoCertificate = 'arn:aws:acm:ap-northeast-1:123456789012:certificate/abc-123';
    expect(parse({ siteDomain: 'support.example.co.jp', certificateArn: tokyoCertificate })).toThrow(/us-east-1/);
  });

  it('keeps the sender inside the verified mail domain', () => {
    expect(parse({ mailIdentityDomain: 'other.example.com' })).toThrow(/mailFromAddress must belong to mailIdentityDomain/);
  });

  it('takes inactiveDisableDays only beyond the 14 days of the warning, and leaves it unset on dev', () => {
    expect(parseStageConfig(cdkContext.stages, 'dev').inactiveDisableDays).toBeUndefined();
    expect(parseStageConfig(cdkContext.stages, 'prod').inactiveDisableDays).toBe(90);
    expect(parse({ inactiveDisableDays: 14 })).toThrow(/stages\.qa\.inactiveDisableDays: must be more than the warning's 14 days/);
    expect(parse({ inactiveDisableDays: 30.5 })).toThrow(/inactiveDisableDays/);
    expect(parseStageConfig({ qa: { ...dev, inactiveDisableDays: 15 } }, 'qa').inactiveDisableDays).toBe(15);
  });

  it("checks the frame's links (https, mailto or a path of the site) and the logo file (a .svg or .png in the repository)", () => {
    const config = parseStageConfig(
      {
        qa: {
          ...dev,
          privacyPolicyUrl: 'https://www.example.com/privacy/',
          termsUrl: '/terms.html',
          contactUrl: 'mailto:support@example.com',
          brandLogo: 'brand/logo.PNG',
        },
      },
      'qa',
    );
    expect(config).toMatchObject({ termsUrl: '/terms.html', brandLogo: 'brand/logo.PNG' });
    expect(parse({ privacyPolicyUrl: 'http://www.example.com/privacy/' })).toThrow(
      /stages\.qa\.privacyPolicyUrl: must be an https:\/\/ page/,
    );
    expect(parse({ termsUrl: 'javascript:alert(1)' })).toThrow(/stages\.qa\.termsUrl/);
    expect(parse({ contactUrl: '//evil.example.com/' })).toThrow(/stages\.qa\.contactUrl/);
    expect(parse({ brandLogo: 'brand/logo.gif' })).toThrow(/stages\.qa\.brandLogo: must be a \.svg or \.png file/);
    expect(parse({ brandLogo: '/etc/logo.svg' })).toThrow(/stages\.qa\.brandLogo: must be a path inside the repository/);
    expect(parse({ brandLogo: '../logo.svg' })).toThrow(/stages\.qa\.brandLogo: must be a path inside the repository/);
    expect(parse({ brandLogo: 'brand/../../logo.svg' })).toThrow(/stages\.qa\.brandLogo/);
    expect(parse({ companyName: '' })).toThrow(/stages\.qa\.companyName/);
  });

  it('refuses an idle timeout longer than the absolute one', () => {
    expect(parse({ sessionIdleMinutes: 800, sessionAbsoluteMinutes: 720 })).toThrow(/sessionIdleMinutes/);
  });

  it("needs the WAF rate limit and the access log retention, within WAF's and S3's bounds", () => {
    const { wafRateLimitPer5Min: _waf, accessLogRetentionDays: _days, ...withoutThem } = dev;
    const act = () => parseStageConfig({ qa: withoutThem }, 'qa');
    expect(act).toThrow(/stages\.qa\.wafRateLimitPer5Min/);
    expect(act).toThrow(/stages\.qa\.accessLogRetentionDays/);
    expect(parse({ wafRateLimitPer5Min: 5 })).toThrow(/stages\.qa\.wafRateLimitPer5Min/);
    expect(parse({ accessLogRetentionDays: 0 })).toThrow(/stages\.qa\.accessLogRetentionDays/);
  });

  it('takes an optional alarm email, checked as an address', () => {
    expect(parseStageConfig({ qa: { ...dev } }, 'qa').alarmEmail).toBeUndefined();
    expect(parse({ alarmEmail: 'ops' })).toThrow(/stages\.qa\.alarmEmail/);
    expect(parseStageConfig({ qa: { ...dev, alarmEmail: 'ops@example.com' } }, 'qa').alarmEmail).toBe('ops@example.com');
  });

  it('reserves 10 concurrent executions per function unless told otherwise, and none with null', () => {
    const { lambdaReservedConcurrency: _c, ...withoutIt } = dev;
    expect(parseStageConfig({ qa: withoutIt }, 'qa').lambdaReservedConcurrency).toBe(10);
    expect(parseStageConfig({ qa: { ...dev, lambdaReservedConcurrency: null } }, 'qa').lambdaReservedConcurrency).toBeNull();
    expect(parse({ lambdaReservedConcurrency: 0 })).toThrow(/lambdaReservedConcurrency/);
  });

  it('knows the Cognito feature plans, and allows threat protection only on PLUS', () => {
    expect(parse({ cognitoFeaturePlan: 'GOLD' })).toThrow(/stages\.qa\.cognitoFeaturePlan/);
    expect(parse({ cognitoFeaturePlan: 'ESSENTIALS', cognitoThreatProtection: 'enforced' })).toThrow(
      /cognitoThreatProtection needs cognitoFeaturePlan "PLUS"/,
    );
    expect(parseStageConfig({ qa: { ...dev, cognitoFeaturePlan: 'PLUS', cognitoThreatProtection: 'audit' } }, 'qa')).toMatchObject({
      cognitoFeaturePlan: 'PLUS',
      cognitoThreatProtection: 'audit',
    });
  });

  it('takes stage fields from -c flags over cdk.json, read as JSON where they look like it', () => {
    const flags: Record<string, string> = {
      stage: 'qa',
      alarmEmail: 'oncall@example.com',
      wafRateLimitPer5Min: '300',
      deletionProtection: 'true',
      lambdaReservedConcurrency: 'null',
      '@aws-cdk/core:explicitStackTags': 'true',
    };
    const overrides = commandLineOverrides((key) => flags[key]);
    expect(overrides).toEqual({
      alarmEmail: 'oncall@example.com',
      wafRateLimitPer5Min: 300,
      deletionProtection: true,
      lambdaReservedConcurrency: null,
    });
    expect(parseStageConfig({ qa: dev }, 'qa', overrides)).toMatchObject(overrides);
  });

  it('names a bad -c flag as such', () => {
    const act = () =>
      parseStageConfig(
        { qa: dev },
        'qa',
        commandLineOverrides((key) => (key === 'wafRateLimitPer5Min' ? '5' : undefined)),
      );
    expect(act).toThrow(/-c wafRateLimitPer5Min: /);
  });

  it('knows the three MFA policies, and takes one from -c mfa', () => {
    expect(parse({ mfa: 'always' })).toThrow(/stages\.qa\.mfa/);
    for (const mfa of ['off', 'optional', 'required']) expect(parseStageConfig({ qa: { ...dev, mfa } }, 'qa').mfa).toBe(mfa);
    const overrides = commandLineOverrides((key) => (key === 'mfa' ? 'required' : undefined));
    expect(parseStageConfig({ qa: dev }, 'qa', overrides).mfa).toBe('required');
  });

  it('refuses a stage name that cannot be part of a stack name', () => {
    expect(() => parseStageConfig(cdkContext.stages, 'Prod_1')).toThrow(/Invalid stage name/);
  });
});
