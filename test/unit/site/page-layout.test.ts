import { renderPage } from '../../../static-site/build';
import { fillSlots, parsePage, wrapInLayout } from '../../../static-site/page-layout';

const PAGE = `<!-- page
  title: パスワード変更
  script: change-password
  header: signed-in
-->
    <section class="card"><h1>パスワード変更</h1></section>
`;

const LAYOUT =
  '<title>{{title}}</title><script src="js/{{script}}.js"></script><!-- include:header-{{header}} --><main>\n{{body}}\n</main>';

describe('page layout', () => {
  it('reads the front matter and keeps the rest as the body', () => {
    // Act
    const page = parsePage(PAGE, 'change-password.html');

    // Assess
    expect(page).toEqual({
      title: 'パスワード変更',
      script: 'change-password',
      header: 'signed-in',
      body: '    <section class="card"><h1>パスワード変更</h1></section>\n',
    });
  });

  it('wraps the body in the layout, the site name after the page title', () => {
    // Act
    const html = wrapInLayout(parsePage(PAGE, 'p.html'), LAYOUT, 'p.html');

    // Assess
    expect(html).toBe(
      '<title>パスワード変更 | お客様サポートWEB</title><script src="js/change-password.js"></script>' +
        '<!-- include:header-signed-in --><main>\n    <section class="card"><h1>パスワード変更</h1></section>\n</main>',
    );
  });

  it('titles a page without a title of its own with the site name only', () => {
    // Prepare
    const page = parsePage('<!-- page\n  script: login\n  header: public\n-->\n<p>x</p>\n', 'index.html');

    // Act
    const html = wrapInLayout(page, '<title>{{title}}</title>', 'index.html');

    // Assess
    expect(html).toBe('<title>お客様サポートWEB</title>');
  });

  it.each([
    ['no front matter', '<section></section>'],
    ['no script', '<!-- page\n  header: public\n-->\n'],
    ['an unknown header', '<!-- page\n  script: login\n  header: admin\n-->\n'],
    ['an unknown field', '<!-- page\n  script: login\n  header: public\n  lang: en\n-->\n'],
  ])('fails the build for a page with %s', (_, source) => {
    expect(() => parsePage(source, 'bad.html')).toThrow('bad.html');
  });

  it('fails the build for a slot nothing fills, and leaves filled values as they are', () => {
    expect(fillSlots('<p>{{a}}</p>', { a: '&amp;' }, 'p.html')).toBe('<p>&amp;</p>');
    expect(() => fillSlots('<p>{{b}}</p>', { a: '' }, 'p.html')).toThrow('{{b}}');
  });

  it('escapes the title', () => {
    const page = parsePage('<!-- page\n  title: A & <B>\n  script: login\n  header: public\n-->\n', 'p.html');
    expect(wrapInLayout(page, '{{title}}', 'p.html')).toBe('A &amp; &lt;B&gt; | お客様サポートWEB');
  });
});

describe('renderPage', () => {
  it('gives a whole document: layout, header, partials and the policy text filled in', async () => {
    // Act
    const html = await renderPage(PAGE.replace('</h1>', '</h1>\n<!-- include:password-policy -->'), 'change-password.html');

    // Assess
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<title>パスワード変更 | お客様サポートWEB</title>');
    // From the root, as the stylesheet and the icon: the error pages answer at any depth.
    expect(html).toContain('<script src="/js/change-password.js"></script>');
    expect(html).toContain('<link rel="icon" href="/favicon.svg" type="image/svg+xml">');
    expect(html).toContain('id="logout"');
    expect(html).toContain('class="site-footer"');
    expect(html).toMatch(/© <span data-copyright-year>20\d\d<\/span>/);
    expect(html).toContain('新パスワードは半角12文字以上30文字以下で');
    expect(html).not.toMatch(/<!--\s*include:|\{\{/);
  });

  it('fails the build for a page script that is not built', async () => {
    await expect(renderPage(PAGE.replace('script: change-password', 'script: nowhere'), 'p.html')).rejects.toThrow('nowhere');
  });
});
