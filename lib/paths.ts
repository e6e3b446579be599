import { join, resolve } from 'node:path';

/** Where the CDK app finds the code it deploys, relative to the repository root. */
export const repoRoot = resolve(__dirname, '..');
/** Every Lambda function's entry: one per zone of the API, one per scheduled job. */
export const functionsDir = join(repoRoot, 'lambdas', 'functions');
/** Built by the CDK app before it synthesizes (bin/app.ts), by `npm start`, or alone by `npm run build:site`. */
export const siteBuildDir = join(repoRoot, 'static-site', 'dist');
