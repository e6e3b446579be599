/**
 * Builds the merchant-facing static site: each page script is bundled from TypeScript (the
 * password policy is shared with the server and bundled in), HTML and CSS are copied as they are.
 * Run directly (`npm run build:site`) it writes `static-site/dist/`.
 */
import { build } from 'esbuild';
import { cp, mkdir, readdir, rm } from 'node:fs/promises';
import path from 'node:path';

const SOURCE_DIR = path.join(__dirname, 'src');
export const DEFAULT_OUT_DIR = path.join(__dirname, 'dist');

/** One script per page; the shared helpers in `src/js/` are bundled into these. */
export const PAGE_SCRIPTS = ['login', 'first-login', 'passcode', 'home'] as const;

export async function buildSite(outDir: string = DEFAULT_OUT_DIR): Promise<void> {
  // Only our own output folders are cleared, so a wrong outDir cannot wipe anything else.
  await rm(path.join(outDir, 'js'), { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  await Promise.all([bundleScripts(outDir), copyPages(outDir), copyStyles(outDir)]);
}

async function bundleScripts(outDir: string): Promise<void> {
  await build({
    entryPoints: Object.fromEntries(PAGE_SCRIPTS.map((page) => [page, path.join(SOURCE_DIR, 'js', `${page}.ts`)])),
    outdir: path.join(outDir, 'js'),
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2020',
    sourcemap: 'linked',
    logLevel: 'warning',
  });
}

async function copyPages(outDir: string): Promise<void> {
  const pages = (await readdir(SOURCE_DIR)).filter((name) => name.endsWith('.html'));
  await Promise.all(pages.map((name) => cp(path.join(SOURCE_DIR, name), path.join(outDir, name))));
}

async function copyStyles(outDir: string): Promise<void> {
  await cp(path.join(SOURCE_DIR, 'css'), path.join(outDir, 'css'), { recursive: true });
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
