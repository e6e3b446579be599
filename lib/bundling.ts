import { join } from 'node:path';

/**
 * How every Lambda handler is bundled: the CDK functions and `npm run bench` use these same
 * esbuild settings, so the benchmark measures what is deployed. Imports nothing from aws-cdk-lib.
 */
export const HANDLER_BUNDLING = {
  minify: true,
  /** The SDK's ES module builds let esbuild drop what a handler never calls. */
  mainFields: ['module', 'main'],
  /** Matches the Lambda runtime (Node.js 24). */
  target: 'node24',
  /**
   * Lambda hands a function its credentials in environment variables, so the SDK's full default
   * chain (SSO, profiles, web identity: ~100 KB of nested clients) is swapped for the env reader.
   * The ops command and local mode keep the full chain: they are not bundled this way.
   */
  alias: {
    '@aws-sdk/credential-provider-node': join(__dirname, '..', 'lambdas', 'adapters', 'clients', 'lambda-credentials.ts'),
  },
} as const;

/**
 * Libraries a function loads on first use, not at its cold start: left out of the function's
 * bundle (`import()` stays a real import) and bundled on their own, with the same settings, into
 * the function's `node_modules/`, so Node parses them only when a request needs them. The WebAuthn
 * verifier (~300 KB with its certificate parsers) is needed by the passkey ceremonies alone.
 */
export const LAZY_LIBRARIES = ['@simplewebauthn/server'] as const;
export type LazyLibrary = (typeof LAZY_LIBRARIES)[number];

/**
 * Which functions (by their entry in lambdas/functions/) import which lazy library: only the
 * second factors' verifies passkeys. A test bundles every entry and holds this list to what each imports.
 */
const LAZY_LIBRARIES_BY_FUNCTION: Readonly<Record<string, readonly LazyLibrary[]>> = { 'second-factors': ['@simplewebauthn/server'] };
export const lazyLibrariesOf = (functionName: string): readonly LazyLibrary[] => LAZY_LIBRARIES_BY_FUNCTION[functionName] ?? [];

/** Where a lazy library's bundle sits in a function's code, so that `import()` finds it. */
export const lazyLibraryFile = (library: LazyLibrary) => join('node_modules', ...library.split('/'), 'index.js');

const repoRoot = join(__dirname, '..');

/** The esbuild options of a lazy library's own bundle (the benchmark and the tests build it the same way). */
export function lazyLibraryBuild(library: LazyLibrary, outfile: string) {
  return {
    stdin: { contents: `export * from '${library}';`, resolveDir: repoRoot, loader: 'js' as const },
    outfile,
    bundle: true,
    platform: 'node' as const,
    format: 'cjs' as const,
    minify: HANDLER_BUNDLING.minify,
    target: HANDLER_BUNDLING.target,
    mainFields: [...HANDLER_BUNDLING.mainFields],
    logLevel: 'error' as const,
  };
}

/** The same build as a shell command, for CDK's bundling hooks (run from the repository root). */
export function lazyLibraryCommand(library: LazyLibrary, outputDir: string): string {
  const options = lazyLibraryBuild(library, join(outputDir, lazyLibraryFile(library)));
  const esbuild = join(repoRoot, 'node_modules', '.bin', 'esbuild');
  const flags = [
    '--bundle',
    `--platform=${options.platform}`,
    `--format=${options.format}`,
    ...(options.minify ? ['--minify'] : []),
    `--target=${options.target}`,
    `--main-fields=${options.mainFields.join(',')}`,
    `--outfile=${JSON.stringify(options.outfile)}`,
    '--log-level=error',
  ];
  return `cd ${JSON.stringify(repoRoot)} && printf '%s' ${JSON.stringify(options.stdin.contents)} | ${JSON.stringify(esbuild)} ${flags.join(' ')}`;
}
