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
  // Declared for the project's own toolchain, never checked against the machine's Node (which
  // only runs npm itself): no install warns about it.
  expect(pkg.devEngines.runtime).toEqual({ name: 'node', version: pkg.devDependencies.node, onFail: 'ignore' });
  expect(pkg.engines).toBeUndefined();
});

it('states, for every dependency with an install script, whether it may run', () => {
  const lock = JSON.parse(readFileSync(join(__dirname, '../../../package-lock.json'), 'utf8'));
  const withScripts = Object.entries(lock.packages as Record<string, { hasInstallScript?: boolean }>)
    .filter(([path, entry]) => path !== '' && entry.hasInstallScript)
    .map(([path]) => path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length));
  expect(withScripts.length).toBeGreaterThan(0);
  expect([...new Set(withScripts)].sort()).toEqual(Object.keys(pkg.allowScripts).sort());
});
