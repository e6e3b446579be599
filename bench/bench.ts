/**
 * `npm run bench`: what merchants and the Lambda bill feel. Prints, per handler, the bundle size
 * (raw and gzip) and the cold module-load time in a fresh Node process (median of several runs,
 * and as a ratio to an empty handler loaded the same way); per page, the bytes a browser
 * downloads (raw and gzip).
 */
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { HANDLER_BUNDLING } from '../lib/bundling';
import { functionsDir } from '../lib/paths';
import { handlerEnvironment } from '../lambdas/composition/environment';
import { routes } from '../lambdas/routes';
import { buildSite } from '../static-site/build';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const outDir = join(tmpdir(), `bench-${process.pid}`);

/** Enough configuration for a handler module to load, as on Lambda (no network is touched at load). */
const HANDLER_ENV = {
  ...handlerEnvironment({
    stage: 'bench',
    siteUrl: 'https://support.example.jp',
    tables: { accounts: 'a', requests: 'r', sessions: 's', limits: 'l', factors: 'f', steps: 'st' },
    userPool: { id: 'ap-northeast-1_x', clientId: 'c' },
    mail: { fromAddress: 'no-reply@example.jp' },
    wording: { supportContactEmail: 'support@example.jp' },
    secrets: { passcodeKey: { arn: 'arn:aws:secretsmanager:x' } },
  }),
  AWS_REGION: 'ap-northeast-1',
  AWS_ACCESS_KEY_ID: 'x',
  AWS_SECRET_ACCESS_KEY: 'x',
};

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Milliseconds to `require` the file in a new Node process, measured inside that process. */
function loadTime(file: string): number {
  const script = `const t=process.hrtime.bigint();require(${JSON.stringify(file)});process.stdout.write(String(Number(process.hrtime.bigint()-t)/1e6))`;
  return Number(
    execFileSync(process.execPath, ['-e', script], {
      env: { ...process.env, ...HANDLER_ENV },
      stdio: ['ignore', 'pipe', 'inherit'],
    }).toString(),
  );
}

async function bundle(entry: string, outfile: string): Promise<Buffer> {
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    minify: HANDLER_BUNDLING.minify,
    mainFields: [...HANDLER_BUNDLING.mainFields],
    target: HANDLER_BUNDLING.target,
    alias: { ...HANDLER_BUNDLING.alias },
    logLevel: 'error',
  });
  return readFileSync(outfile);
}

async function handlers() {
  const empty = join(outDir, 'empty.js');
  writeFileSync(empty, 'exports.handler = async () => ({ statusCode: 200 });');
  console.log(`\nLambda handlers (esbuild as deployed; load = median of ${RUNS} fresh processes)`);
  console.log(['handler'.padEnd(26), 'minified'.padStart(10), 'gzip'.padStart(10), 'load ms'.padStart(9), 'ratio'.padStart(7)].join(' '));
  for (const entry of [...new Set(routes.map((r) => r.entry))]) {
    const file = join(outDir, `${entry}.js`);
    const code = await bundle(join(functionsDir, `${entry}.ts`), file);
    const loads: number[] = [];
    const baseline: number[] = [];
    for (let i = 0; i < RUNS; i += 1) {
      baseline.push(loadTime(empty));
      loads.push(loadTime(file));
    }
    const ms = median(loads);
    console.log(
      [
        entry.padEnd(26),
        kb(code.length).padStart(10),
        kb(gzipSync(code).length).padStart(10),
        ms.toFixed(1).padStart(9),
        `${(ms / median(baseline)).toFixed(0)}x`.padStart(7),
      ].join(' '),
    );
  }
}

/** The page, its stylesheets and scripts: what a browser downloads on a first visit. */
async function pages() {
  const siteDir = join(outDir, 'site');
  await buildSite(siteDir);
  console.log('\nPages (HTML + CSS + JS a first visit downloads)');
  console.log(['page'.padEnd(26), 'raw'.padStart(10), 'gzip'.padStart(10)].join(' '));
  for (const page of readdirSync(siteDir)
    .filter((f) => f.endsWith('.html'))
    .sort()) {
    const html = readFileSync(join(siteDir, page), 'utf8');
    const assets = [...html.matchAll(/(?:src|href)="([^"#?]+\.(?:js|css))"/g)].map((m) => m[1].replace(/^\.?\//, ''));
    const files = [page, ...new Set(assets)].map((f) => readFileSync(join(siteDir, f)));
    const raw = files.reduce((sum, f) => sum + f.length, 0);
    const gzip = files.reduce((sum, f) => sum + gzipSync(f).length, 0);
    console.log([page.padEnd(26), kb(raw).padStart(10), kb(gzip).padStart(10)].join(' '));
  }
}

async function main() {
  mkdirSync(outDir, { recursive: true });
  try {
    await handlers();
    await pages();
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
