/**
 * `npm run bench`: what merchants and the Lambda bill feel. Prints, per deployed function (one per
 * zone, one per scheduled job), its bundle size (raw and gzip) and its cold module-load time in a
 * fresh Node process (median of several runs), beside the floor: the SDK clients that function
 * uses, bundled alone with the same settings and loaded the same way; how many distinct
 * functions the guide's path meets; per page, the bytes a browser downloads (raw and gzip).
 */
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { HANDLER_BUNDLING, LAZY_LIBRARIES, lazyLibrariesOf, lazyLibraryBuild } from '../lib/bundling';
import { functionsDir, repoRoot } from '../lib/paths';
import { handlerEnvironment } from '../lambdas/composition/environment';
import { type Needs, scheduledNeeds, zoneNeeds } from '../lambdas/composition/needs';
import { routes, ZONES } from '../lambdas/routes';
import { INACTIVE_ACCOUNTS_JOB } from '../lambdas/schedules';
import { buildSite } from '../static-site/build';

const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const outDir = join(tmpdir(), `bench-${process.pid}`);

/** Enough configuration for a function's module to load, as on Lambda (no network is touched at load). */
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

/** The guide's path: first login → registration status → completion → login → home → session time → logout. */
const GUIDE_PATH = ['first-login', 'registration-status', 'complete-registration', 'login', 'me', 'session-time', 'logout'];

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

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

/** Bundles a file, or source text resolved from the repository (the floors). */
async function bundle(entry: string | { source: string }, outfile: string): Promise<Buffer> {
  await build({
    ...(typeof entry === 'string'
      ? { entryPoints: [entry] }
      : { stdin: { contents: entry.source, resolveDir: repoRoot, loader: 'ts' as const, sourcefile: 'floor.ts' } }),
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    minify: HANDLER_BUNDLING.minify,
    mainFields: [...HANDLER_BUNDLING.mainFields],
    target: HANDLER_BUNDLING.target,
    alias: { ...HANDLER_BUNDLING.alias },
    external: [...LAZY_LIBRARIES],
    logLevel: 'error',
  });
  return readFileSync(outfile);
}

/** The SDK clients a function's needs call for, as the composition root builds them: its floor. */
function floorSource(needs: Needs, api: boolean): string {
  const clients = [
    "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
    "import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';",
    'export const dynamodb = DynamoDBDocumentClient.from(new DynamoDBClient({}));',
  ];
  // Every API function reads CloudFront's secret; a job reads a secret only when its needs say so.
  if (api || needs.passcodeKey || needs.totpKey || needs.letterKey)
    clients.push(
      "import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';",
      'export const secrets = new SecretsManagerClient({});',
    );
  if (needs.userPoolActions?.length)
    clients.push(
      "import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';",
      'export const cognito = new CognitoIdentityProviderClient({});',
    );
  if (needs.sendMail) clients.push("import { SESv2Client } from '@aws-sdk/client-sesv2';", 'export const ses = new SESv2Client({});');
  return clients.join('\n');
}

interface DeployedFunction {
  name: string;
  entry: string;
  needs: Needs;
  api: boolean;
}

const DEPLOYED: readonly DeployedFunction[] = [
  ...ZONES.map((zone) => ({ name: zone, entry: join(functionsDir, `${zone}.ts`), needs: zoneNeeds(zone), api: true })),
  {
    name: INACTIVE_ACCOUNTS_JOB.entry,
    entry: join(functionsDir, `${INACTIVE_ACCOUNTS_JOB.entry}.ts`),
    needs: scheduledNeeds[INACTIVE_ACCOUNTS_JOB.entry],
    api: false,
  },
];

async function functions() {
  console.log(`\nLambda functions (esbuild as deployed; load = median of ${RUNS} fresh processes, taken in turns with its floor)`);
  console.log(
    [
      'function'.padEnd(20),
      'minified'.padStart(10),
      'gzip'.padStart(9),
      'lazy KB'.padStart(9),
      'load ms'.padStart(8),
      'floor KB'.padStart(9),
      'floor ms'.padStart(9),
      'ratio'.padStart(6),
    ].join(' '),
  );
  for (const fn of DEPLOYED) {
    const file = join(outDir, `${fn.name}.js`);
    const floorFile = join(outDir, `${fn.name}-floor.js`);
    const [code, floor] = await Promise.all([bundle(fn.entry, file), bundle({ source: floorSource(fn.needs, fn.api) }, floorFile)]);
    // What it loads on first use only (the WebAuthn verifier): beside its bundle, not in it.
    let lazyBytes = 0;
    for (const library of lazyLibrariesOf(fn.name)) {
      const lazyFile = join(outDir, `${fn.name}-lazy.js`);
      await build(lazyLibraryBuild(library, lazyFile));
      lazyBytes += readFileSync(lazyFile).length;
    }
    const loads: number[] = [];
    const floorLoads: number[] = [];
    for (let i = 0; i < RUNS; i += 1) {
      floorLoads.push(loadTime(floorFile));
      loads.push(loadTime(file));
    }
    const ms = median(loads);
    const floorMs = median(floorLoads);
    console.log(
      [
        fn.name.padEnd(20),
        kb(code.length).padStart(10),
        kb(gzipSync(code).length).padStart(9),
        (lazyBytes ? (lazyBytes / 1024).toFixed(1) : '-').padStart(9),
        ms.toFixed(1).padStart(8),
        (floor.length / 1024).toFixed(1).padStart(9),
        floorMs.toFixed(1).padStart(9),
        `${(ms / floorMs).toFixed(2)}x`.padStart(6),
      ].join(' '),
    );
  }
  const met = new Set(GUIDE_PATH.map((entry) => routes.find((route) => route.entry === entry)!.zone));
  console.log(`\nThe guide's path (${GUIDE_PATH.join(' → ')}) meets ${met.size} distinct functions: ${[...met].join(', ')}`);
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
    await functions();
    await pages();
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
