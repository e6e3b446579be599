import { join } from 'node:path';
import { LocalSiteFrameError, localSiteFrame } from '../../../local/site-frame';

const REPO = '/repo';

describe("the local stack's site frame, from its environment", () => {
  it('reads the company, the links and the logo file (relative to the repository)', () => {
    const { frame, logoFile } = localSiteFrame(
      {
        SITE_COMPANY_NAME: 'テスト株式会社',
        SITE_BRAND_LOGO: 'brand/Logo.SVG',
        SITE_PRIVACY_POLICY_URL: 'https://www.example.com/privacy/',
        SITE_TERMS_URL: '/terms.html',
        SITE_CONTACT_URL: 'mailto:support@example.com',
      },
      REPO,
    );
    expect(frame).toEqual({
      companyName: 'テスト株式会社',
      brandLogo: '.svg',
      privacyPolicyUrl: 'https://www.example.com/privacy/',
      termsUrl: '/terms.html',
      contactUrl: 'mailto:support@example.com',
    });
    expect(logoFile).toBe(join(REPO, 'brand/Logo.SVG'));
  });

  it('takes an empty value as none (a test hides a link so)', () => {
    expect(localSiteFrame({ SITE_TERMS_URL: '', SITE_BRAND_LOGO: ' ' }, REPO)).toEqual({
      frame: { companyName: undefined, privacyPolicyUrl: undefined, termsUrl: undefined, contactUrl: undefined },
    });
  });

  it('refuses a link that is not https, mailto or a path of the site, naming the variable', () => {
    expect(() => localSiteFrame({ SITE_CONTACT_URL: 'http://www.example.com/' }, REPO)).toThrow(LocalSiteFrameError);
    expect(() => localSiteFrame({ SITE_CONTACT_URL: 'javascript:alert(1)' }, REPO)).toThrow(/SITE_CONTACT_URL/);
  });

  it('refuses a logo that is neither SVG nor PNG', () => {
    expect(() => localSiteFrame({ SITE_BRAND_LOGO: 'logo.gif' }, REPO)).toThrow(/SITE_BRAND_LOGO must be a \.svg or \.png/);
  });
});
