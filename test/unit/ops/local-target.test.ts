import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findLocalTarget, localTargetFile, type LocalTarget } from '../../../ops/local-target';
import { scratchDir } from '../../support/scratch-dir';

const work = scratchDir('local-target-');
afterAll(() => work.remove());

/** A pid no process has: the start that wrote the file was killed. */
const GONE = 2 ** 22 + 1;

function publish(dir: string, port: number, pid: number = process.pid): LocalTarget {
  const target = { siteUrl: `http://localhost:${port}`, pid } as LocalTarget;
  writeFileSync(join(dir, `target-${port}.json`), JSON.stringify(target));
  return target;
}

let case_ = 0;
function folder() {
  case_ += 1;
  const dir = work.path(String(case_));
  mkdirSync(dir);
  return dir;
}

it('is one file per site port, unless LOCAL_TARGET_FILE says otherwise', () => {
  expect(localTargetFile(3000, {})).toMatch(/[/\\]\.local[/\\]target-3000\.json$/);
  expect(localTargetFile(3300, {})).toMatch(/target-3300\.json$/);
  expect(localTargetFile(3000, { LOCAL_TARGET_FILE: '/tmp/t.json' })).toBe('/tmp/t.json');
});

it('finds the only stack running, with no flag', () => {
  const dir = folder();
  const only = publish(dir, 3300);
  expect(findLocalTarget({}, dir)).toEqual({ target: only });
});

it('ignores a file left by a start that was killed', () => {
  const dir = folder();
  publish(dir, 3000, GONE);
  const running = publish(dir, 3300);
  expect(findLocalTarget({}, dir)).toEqual({ target: running });
  expect(findLocalTarget({ OPS_LOCAL_PORT: '3000' }, dir).problem).toBe(
    'No local stack is running on port 3000 (OPS_LOCAL_PORT): start it with `PORT=3000 npm start` first.',
  );
});

it('asks which one when several run, naming their ports', () => {
  const dir = folder();
  publish(dir, 3300);
  publish(dir, 3000);
  expect(findLocalTarget({}, dir).problem).toBe(
    '2 local stacks are running (ports 3000, 3300): choose one with OPS_LOCAL_PORT, e.g. `OPS_LOCAL_PORT=3000 npm run --silent ops -- …`.',
  );
});

it('takes the one on OPS_LOCAL_PORT, else the one on PORT (as npm start read it)', () => {
  const dir = folder();
  const first = publish(dir, 3000);
  const second = publish(dir, 3300);
  expect(findLocalTarget({ OPS_LOCAL_PORT: '3300' }, dir)).toEqual({ target: second });
  expect(findLocalTarget({ PORT: '3000' }, dir)).toEqual({ target: first });
  expect(findLocalTarget({ OPS_LOCAL_PORT: '3000', PORT: '3300' }, dir)).toEqual({ target: first });
  expect(findLocalTarget({ PORT: '3999' }, dir).problem).toBe(
    'No local stack is running on port 3999 (PORT): start it with `PORT=3999 npm start` first.',
  );
});

it('says to start one when none runs (or the folder does not exist yet)', () => {
  const problem = 'No local stack is running: start it with `npm start` first.';
  expect(findLocalTarget({}, folder()).problem).toBe(problem);
  expect(findLocalTarget({}, work.path('never-created')).problem).toBe(problem);
  expect(findLocalTarget({ LOCAL_TARGET_FILE: work.path('absent.json') }, folder()).problem).toBe(problem);
});
