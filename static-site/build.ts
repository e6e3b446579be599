/**
 * Builds the merchant-facing static site: each page script is bundled from TypeScript (the
 * password policy, the API routes and the link wording are shared with the server and bundled
 * in), CSS and the favicon are copied as they are, and each page is put inside the shared layout (see page-layout.ts)
 * with its shared parts filled in: `<!-- include:NAME -->` stands for `src/partials/NAME.html`
 * (header, footer, the browser notice, the password policy text…), so every page says those
 * things in the same words, and `{{name}}` for text taken from the product's rules (site-slots.ts).
 * What ships holds nothing a merchant has no use for: no comment in a page, an image or the
 * stylesheet (minified), no source map. Run directly (`npm run build:site`) it writes `static-site/dist/`.
 */
import { build, transform } from 'esbuild';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fillSlots, parsePage, wrapInLayout } from './page-layout';
import { withoutComments } from './shipped-text';
import { SITE_SLOTS } from './site-slots';

const SOURCE_DIR = path.join(__dirname, 'src');
export const DEFAULT_OUT_DIR = path.join(__dirname, 'dist');

/** One script per page; the shared helpers in `src/js/` are bundled into these. */
export const PAGE_SCRIPTS = [
  'login',
  'first-login',
  'passcode',
  'home',
  'forgot-password',
  'reset-password',
  'change-password',
  'change-email',
  'confirm-email',
  'passkeys',
  'sessions',
  'error-page',
  'second-step',
  'two-step',
] as const;

const PARTIALS_DIR = path.join(SOURCE_DIR, 'partials');
const INCLUDE = /<!--\s*include:([a-z0-9-]+)\s*-->/g;

export async function buildSite(outDir: string = DEFAULT_OUT_DIR): Promise<void> {
  // Only our own output folders are cleared, so a wrong outDir cannot wipe anything else.
  await rm(path.join(outDir, 'js'), { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  await Promise.all([bundleScripts(outDir), copyPages(outDir), copyStyles(outDir), copyImages(outDir)]);
}

async function bundleScripts(outDir: string): Promise<void> {
  await build({
    entryPoints: Object.fromEntries(PAGE_SCRIPTS.map((page) => [page, path.join(SOURCE_DIR, 'js', `${page}.ts`)])),
    outdir: path.join(outDir, 'js'),
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2020',
    sourcemap: false,
    logLevel: 'warning',
  });
}

/** Partials may include partials, this deep at most (a loop fails the build instead of hanging). */
const MAX_INCLUDE_DEPTH = 3;

/** A page with every `<!-- include:NAME -->` replaced by its partial; an unknown name fails the build. */
export async function expandIncludes(html: string, page: string, depth = 0): Promise<string> {
  const names = [...new Set([...html.matchAll(INCLUDE)].map((match) => match[1]))];
  if (names.length > 0 && depth >= MAX_INCLUDE_DEPTH) throw new Error(`${page}: partials nested deeper than ${MAX_INCLUDE_DEPTH}`);
  const partials = new Map<string, string>();
  for (const name of names) {
    const text = await readFile(path.join(PARTIALS_DIR, `${name}.html`), 'utf8').catch(() => {
      throw new Error(`${page}: no partial "${name}" in ${path.relative(process.cwd(), PARTIALS_DIR)}`);
    });
    partials.set(name, await expandIncludes(text.trimEnd(), `${page} → ${name}`, depth + 1));
  }
  return html.replace(INCLUDE, (_, name: string) => partials.get(name)!);
}

/** A page file as served: inside the layout, partials expanded, slots filled. */
export async function renderPage(source: string, name: string): Promise<string> {
  const page = parsePage(source, name);
  if (!(PAGE_SCRIPTS as readonly string[]).includes(page.script)) throw new Error(`${name}: no page script "${page.script}"`);
  const layout = await readFile(path.join(PARTIALS_DIR, 'layout.html'), 'utf8');
  return fillSlots(await expandIncludes(wrapInLayout(page, layout, name), name), SITE_SLOTS, name);
}

async function copyPages(outDir: string): Promise<void> {
  const pages = (await readdir(SOURCE_DIR)).filter((name) => name.endsWith('.html'));
  await Promise.all(
    pages.map(async (name) => {
      const source = await readFile(path.join(SOURCE_DIR, name), 'utf8');
      await writeFile(path.join(outDir, name), withoutComments(await renderPage(source, name)));
    }),
  );
}

async function copyStyles(outDir: string): Promise<void> {
  const names = (await readdir(path.join(SOURCE_DIR, 'css'))).filter((name) => name.endsWith('.css'));
  await mkdir(path.join(outDir, 'css'), { recursive: true });
  await Promise.all(
    names.map(async (name) => {
      const { code } = await transform(await readFile(path.join(SOURCE_DIR, 'css', name), 'utf8'), { loader: 'css', minify: true });
      await writeFile(path.join(outDir, 'css', name), code);
    }),
  );
}

/** The site's own images (SVG) at its root (the favicon); a stage's logo is deployed beside the build, not in it. */
async function copyImages(outDir: string): Promise<void> {
  const images = (await readdir(SOURCE_DIR)).filter((name) => name.endsWith('.svg'));
  await Promise.all(
    images.map(async (name) => writeFile(path.join(outDir, name), withoutComments(await readFile(path.join(SOURCE_DIR, name), 'utf8')))),
  );
}

if (require.main === module) {
  const started = Date.now();
  buildSite().then(
    () => console.log(`static site built in ${Date.now() - started} ms → ${path.relative(process.cwd(), DEFAULT_OUT_DIR)}`),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
