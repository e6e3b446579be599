/**
 * The WebAuthn verifier is no part of any function's bundle: it is bundled on its own into the
 * function's node_modules (lib/bundling.ts) and loaded by the first passkey ceremony. These build
 * the functions as CDK does and check that each imports exactly the lazy libraries it is given,
 * and that the deployed layout (bundle + library beside it) runs a ceremony.
 */
import { build } from 'esbuild';
import { execSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  HANDLER_BUNDLING,
  LAZY_LIBRARIES,
  lazyLibrariesOf,
  lazyLibraryBuild,
  lazyLibraryCommand,
  lazyLibraryFile,
} from '../../../lib/bundling';
import { functionsDir, repoRoot } from '../../../lib/paths';
import { ZONES } from '../../../lambdas/routes';
import { INACTIVE_ACCOUNTS_JOB } from '../../../lambdas/schedules';

const asDeployed = (entryPoints: string[], outfile: string) =>
  build({
    entryPoints,
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    minify: HANDLER_BUNDLING.minify,
    target: HANDLER_BUNDLING.target,
    mainFields: [...HANDLER_BUNDLING.mainFields],
    alias: { ...HANDLER_BUNDLING.alias },
    external: [...LAZY_LIBRARIES],
    metafile: true,
    logLevel: 'error',
  });

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'lazy-libraries-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it.each([...ZONES, INACTIVE_ACCOUNTS_JOB.entry])('the %s function imports exactly the lazy libraries it is given', async (name) => {
  const result = await asDeployed([join(functionsDir, `${name}.ts`)], join(dir, `${name}.js`));
  const output = Object.values(result.metafile.outputs).find((o) => o.entryPoint)!;
  const imported = output.imports.filter((i) => i.external && (LAZY_LIBRARIES as readonly string[]).includes(i.path)).map((i) => i.path);
  expect([...new Set(imported)]).toEqual([...lazyLibrariesOf(name)]);
  // Nothing of the library is inside the bundle itself.
  expect(Object.keys(output.inputs).filter((file) => file.includes('@simplewebauthn/server'))).toEqual([]);
});

it('runs a passkey ceremony from the bundle with the library beside it, as deployed', async () => {
  // Prepare: the adapter bundled as in a function, the library where the CDK hook puts it.
  const deployed = join(dir, 'deployed');
  await asDeployed([join(repoRoot, 'lambdas', 'adapters', 'webauthn.ts')], join(deployed, 'webauthn-adapter.js'));
  await build(lazyLibraryBuild('@simplewebauthn/server', join(deployed, lazyLibraryFile('@simplewebauthn/server'))));
  const { simpleWebAuthn } = require(join(deployed, 'webauthn-adapter.js'));

  // Act
  const options = await simpleWebAuthn.registrationOptions({
    rpName: 'お客様サポートWEB',
    rpId: 'support.example.jp',
    userHandle: 'dXNlcg',
    userName: 'hanako@example.jp',
    challenge: 'Y2hhbGxlbmdl',
    exclude: [],
  });

  // Assess
  expect(options).toMatchObject({ rp: { id: 'support.example.jp' }, challenge: 'Y2hhbGxlbmdl', attestation: 'none' });
});

it('builds the library the same way from the shell command of the CDK hook', () => {
  const outputDir = join(dir, 'hook');
  execSync(lazyLibraryCommand('@simplewebauthn/server', outputDir), { stdio: 'pipe' });
  const file = join(outputDir, lazyLibraryFile('@simplewebauthn/server'));
  expect(existsSync(file)).toBe(true);
  expect(typeof require(file).verifyAuthenticationResponse).toBe('function');
});
