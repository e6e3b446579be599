import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSite } from '../../../static-site/build';
import { withoutComments } from '../../../static-site/shipped-text';

describe('what the site build ships', () => {
  let outDir: string;
  let files: string[];
  const text = (name: string) => readFile(join(outDir, name), 'utf8');
  beforeAll(async () => {
    outDir = await mkdtemp(join(tmpdir(), 'shipped-site-'));
    await buildSite(outDir);
    files = (await readdir(outDir, { recursive: true, withFileTypes: true }))
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name).slice(outDir.length + 1));
  }, 60_000);
  afterAll(() => rm(outDir, { recursive: true, force: true }));

  it('has no HTML comment in any page or image, though the source has them', async () => {
    const markup = files.filter((name) => /\.(html|svg)$/.test(name));
    expect(markup).toEqual(expect.arrayContaining(['index.html', '404.html', 'home.html', 'favicon.svg']));
    const commented = [];
    for (const name of markup) if ((await text(name)).includes('<!--')) commented.push(name);
    expect(commented).toEqual([]);
    expect(await readFile(join(__dirname, '../../../static-site/src/partials/layout.html'), 'utf8')).toContain('<!--');
  });

  it('keeps what the pages say and load', async () => {
    const login = await text('index.html');
    expect(login).toMatch(/^<!doctype html>/);
    expect(login).toContain('<script src="/js/login.js"></script>');
    expect(login).toContain('初回ログインはこちら');
  });

  it('has no comment in the stylesheet and no source map', async () => {
    const css = await text('css/site.css');
    expect(css.length).toBeGreaterThan(1000);
    expect(css).not.toContain('/*');
    expect(files.filter((name) => name.endsWith('.map'))).toEqual([]);
    for (const name of files.filter((file) => file.endsWith('.js'))) expect(await text(name)).not.toContain('sourceMappingURL');
  });
});

describe('withoutComments', () => {
  it('drops a comment and the line it filled, and one within a line', () => {
    expect(withoutComments('<p>a</p>\n  <!-- why\n  more -->\n<p>b<!-- x --></p>\n')).toBe('<p>a</p>\n<p>b</p>\n');
  });
});
