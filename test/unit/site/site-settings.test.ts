import { validSettings } from '../../../static-site/src/js/site-settings';

const GOOD = {
  brandName: 'GMOフィナンシャルゲート',
  supportContactName: 'お客様サポートWEB担当',
  supportContactEmail: 'support@example.com',
  mailFromAddress: 'operation@mail.example.com',
  companyName: 'GMOフィナンシャルゲート株式会社',
  brandLogo: '/brand/logo.svg',
  privacyPolicyUrl: 'https://www.example.com/privacy/',
  termsUrl: '/terms.html',
  contactUrl: 'mailto:support@example.com',
};

describe('the site settings a page takes', () => {
  it('takes every known setting that is sensible, trimmed', () => {
    expect(validSettings({ ...GOOD, companyName: '  GMOフィナンシャルゲート株式会社 ' })).toEqual(GOOD);
  });

  it('leaves out unknown names and what is not text', () => {
    expect(validSettings({ brandName: 42, extra: 'x', toString: 'x' })).toEqual({});
    expect(validSettings(null)).toEqual({});
    expect(validSettings('brandName')).toEqual({});
  });

  it.each([
    ['privacyPolicyUrl', 'javascript:alert(1)'],
    ['termsUrl', 'http://www.example.com/terms/'],
    ['contactUrl', '//evil.example.com/'],
    ['brandLogo', 'https://cdn.example.com/logo.svg'],
    ['brandLogo', '/js/login.js'],
    ['supportContactEmail', 'not-an-address'],
    ['mailFromAddress', 'javascript:alert(1)'],
    ['companyName', ' '],
    ['companyName', 'x'.repeat(201)],
  ])('leaves out %s %s, so the fallback stays', (name, value) => {
    expect(validSettings({ ...GOOD, [name]: value })).toEqual(Object.fromEntries(Object.entries(GOOD).filter(([key]) => key !== name)));
  });
});
