import { join, resolve } from 'node:path';

/** Where the CDK app finds the code it deploys, relative to the repository root. */
export const repoRoot = resolve(__dirname, '..');
export const handlersDir = join(repoRoot, 'lambdas', 'handlers');
/** Built by `npm run build:site`. */
export const siteBuildDir = join(repoRoot, 'static-site', 'dist');
