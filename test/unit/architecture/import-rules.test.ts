/**
 * The import rules of .dependency-cruiser.cjs, shown to fail: a small tree that breaks each rule
 * once is checked with the project's own configuration, and every rule must speak up.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

const REPO = resolve(__dirname, '../../..');

/** Each file of the tree and what it imports; the comment names the rule it breaks. */
const TREE: Record<string, string> = {
  'lambdas/adapters/table.ts': 'export const table = 1;',
  'lambdas/domain/rule.ts': "import { other } from './other';\nexport const rule = other;", // allowed
  'lambdas/domain/other.ts': 'export const other = 1;',
  'lambdas/domain/uses-adapter.ts': "import { table } from '../adapters/table';\nexport const x = table;", // domain-is-plain
  'lambdas/domain/uses-sdk.ts': "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';\nexport const x = DynamoDBClient;", // domain-is-plain
  'lambdas/uses-cdk.ts': "import { stack } from '../lib/stack';\nexport const x = stack;", // runtime-not-to-cdk
  'lib/stack.ts': 'export const stack = 1;',
  'lambdas/http/builds.ts': "import { table } from '../adapters/table';\nexport const x = table;", // http-builds-no-adapter
  'lambdas/handlers/builds.ts': "import { table } from '../adapters/table';\nexport const x = table;", // handlers-through-the-root
  'ops/uses-local.ts': "import { server } from '../local/server';\nexport const x = server;", // ops-not-to-local
  'local/server.ts': 'export const server = 1;',
  'static-site/src/js/page.ts': "import { table } from '../../../lambdas/adapters/table';\nexport const x = table;", // site-shares-only-plain-rules
  'lambdas/domain/use-cases/ops/command.ts': "import { step } from '../shared/step';\nexport const command = step;", // allowed
  'lambdas/domain/use-cases/shared/step.ts': 'export const step = 1;',
  'lambdas/domain/use-cases/merchant/uses-ops.ts': "import { command } from '../ops/command';\nexport const x = command;", // use-case-groups-apart
  'lambdas/domain/use-cases/scheduled/uses-ops.ts': "import { command } from '../ops/command';\nexport const x = command;", // use-case-groups-apart
  'lambdas/domain/a.ts': "import { b } from './b';\nexport const a = () => b;", // no-cycles
  'lambdas/domain/b.ts': "import { a } from './a';\nexport const b = () => a;",
};

let dir: string;
let violations: { rule: string; from: string }[];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'import-rules-'));
  for (const [file, source] of Object.entries(TREE)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), `${source}\n`);
  }
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'commonjs', moduleResolution: 'node' } }));
  // A stand-in for the SDK package, resolved as node_modules/ like the real one.
  const sdk = join(dir, 'node_modules', '@aws-sdk', 'client-dynamodb');
  mkdirSync(sdk, { recursive: true });
  writeFileSync(join(sdk, 'package.json'), JSON.stringify({ name: '@aws-sdk/client-dynamodb', main: 'index.js' }));
  writeFileSync(join(sdk, 'index.js'), 'exports.DynamoDBClient = class {};\n');
  const run = spawnSync(
    join(REPO, 'node_modules', '.bin', 'depcruise'),
    ['--config', join(REPO, '.dependency-cruiser.cjs'), '--output-type', 'json', 'lambdas', 'lib', 'ops', 'local', 'static-site'],
    { cwd: dir, encoding: 'utf8' },
  );
  const report = JSON.parse(run.stdout) as { summary: { violations: { rule: { name: string }; from: string }[] } };
  violations = report.summary.violations.map((v) => ({ rule: v.rule.name, from: v.from }));
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const broken = (rule: string) =>
  violations
    .filter((v) => v.rule === rule)
    .map((v) => v.from)
    .sort();

describe('the import rules', () => {
  it('keep the domain plain: no adapter, no SDK', () => {
    expect(broken('domain-is-plain')).toEqual(['lambdas/domain/uses-adapter.ts', 'lambdas/domain/uses-sdk.ts']);
  });

  it('keep CDK out of the runtime and local mode out of ops', () => {
    expect(broken('runtime-not-to-cdk')).toEqual(['lambdas/uses-cdk.ts']);
    expect(broken('ops-not-to-local')).toEqual(['ops/uses-local.ts']);
  });

  it('leave building adapters to the composition root', () => {
    expect(broken('http-builds-no-adapter')).toEqual(['lambdas/http/builds.ts']);
    expect(broken('handlers-through-the-root')).toEqual(['lambdas/handlers/builds.ts']);
    expect(broken('site-shares-only-plain-rules')).toEqual(['static-site/src/js/page.ts']);
  });

  it("keep a merchant's steps, ops' commands and the scheduled jobs apart but for the shared steps", () => {
    expect(broken('use-case-groups-apart').sort()).toEqual([
      'lambdas/domain/use-cases/merchant/uses-ops.ts',
      'lambdas/domain/use-cases/scheduled/uses-ops.ts',
    ]);
  });

  it('refuse import cycles', () => {
    // The cycle is reported from whichever of its files the cruise meets first.
    expect(broken('no-cycles')).toHaveLength(1);
    expect(['lambdas/domain/a.ts', 'lambdas/domain/b.ts']).toContain(broken('no-cycles')[0]);
  });

  it('let a clean import through', () => {
    expect(violations.filter((v) => v.from === 'lambdas/domain/rule.ts' || v.from === 'lambdas/domain/other.ts')).toEqual([]);
  });
});
