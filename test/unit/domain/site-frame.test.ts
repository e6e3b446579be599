import { isLogoPath, isSiteLink, logoPath } from '../../../lambdas/domain/site-frame';

describe('the links of the site frame', () => {
  it.each([
    'https://www.example.com/privacy/',
    'https://www.gmo-fg.com/terms.html?lang=ja#top',
    'mailto:support@example.com',
    'MAILTO:Support@Example.com',
    '/privacy.html',
    '/',
  ])('takes %s', (link) => {
    expect(isSiteLink(link)).toBe(true);
  });

  it.each([
    ['plain http', 'http://www.example.com/privacy/'],
    ['a script', 'javascript:alert(1)'],
    ['a script in capitals', 'JAVASCRIPT:alert(1)'],
    ['data', 'data:text/html,<b>x</b>'],
    ['another origin without a scheme', '//evil.example.com/'],
    ['a relative path', 'privacy.html'],
    ['a host that is not fully qualified', 'https://intranet/'],
    ['credentials in the URL', 'https://user:secret@example.com/'],
    ['a mail link without an address', 'mailto:'],
    ['a mail link with headers', 'mailto:a@example.com?bcc=b@example.com'],
    ['a backslash', '/\\evil.example.com'],
    ['a space', 'https://www.example.com/a b'],
    ['a quote', '/a"onmouseover="x'],
    ['nothing', ''],
    ['too long', `https://www.example.com/${'a'.repeat(500)}`],
  ])('refuses %s', (_label, link) => {
    expect(isSiteLink(link)).toBe(false);
  });
});

describe('the logo', () => {
  it('is served by the site itself under /brand/', () => {
    expect(logoPath('.svg')).toBe('/brand/logo.svg');
    expect(logoPath('.png')).toBe('/brand/logo.png');
  });

  it.each([
    ['/brand/logo.svg', true],
    ['/brand/logo.png', true],
    ['/brand/logo.gif', false],
    ['https://cdn.example.com/brand/logo.svg', false],
    ['//cdn.example.com/brand/logo.svg', false],
    ['/brand/../js/login.js', false],
  ])('%s is a logo path: %s', (path, expected) => {
    expect(isLogoPath(path)).toBe(expected);
  });
});
