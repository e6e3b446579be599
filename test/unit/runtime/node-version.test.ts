/**
 * Every npm script runs the Node that `npm ci` installs (the devDependency `node`, first on the
 * scripts' PATH), the same major as the Lambda runtime. A run on the machine's own Node fails here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HANDLER_BUNDLING } from '../../../lib/bundling';

const pkg = JSON.parse(readFileSync(join(__dirname, '../../../package.json'), 'utf8'));

it('runs on Node 24, the Lambda runtime', () => {
  expect(process.versions.node).toMatch(/^24\./);
  expect(HANDLER_BUNDLING.target).toBe('node24');
});

it('runs on exactly the Node that package.json pins', () => {
  expect(pkg.devDependencies.node).toMatch(/^\d+\.\d+\.\d+$/);
  expect(process.versions.node).toBe(pkg.devDependencies.node);
  expect(pkg.engines.node).toBe('>=24 <25');
});
