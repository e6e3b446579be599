import { execFile, spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';

/** `npm run ops -- …` as an ops engineer runs it: tsx on ops/cli.ts from the repo root. */
export const REPO = resolve(__dirname, '../../..');
const TSX = join(REPO, 'node_modules/.bin/tsx');
const CLI = join(REPO, 'ops/cli.ts');

export interface OpsResult {
  status: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the command with `env` over this process's environment. Asynchronously: the local stack
 * serves the site from this very process, so its event loop must keep turning meanwhile.
 */
export function runOps(args: string[], env: Record<string, string>): Promise<OpsResult> {
  return new Promise((done) => {
    execFile(
      TSX,
      [CLI, ...args],
      { cwd: REPO, env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => done({ status: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}

/** The same, blocking until it exits: for commands that need nothing this process serves. */
export function runOpsSync(args: string[], env: Record<string, string>) {
  const run = spawnSync(TSX, [CLI, ...args], { cwd: REPO, env: { ...process.env, ...env }, encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}
