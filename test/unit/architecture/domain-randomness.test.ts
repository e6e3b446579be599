/** The domain takes randomness only through its Random port, so every rule runs with a fake one in tests. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const DOMAIN = resolve(__dirname, '../../../lambdas/domain');
const RANDOM_SOURCES = /\b(randomBytes|randomInt|randomUUID|getRandomValues|Math\.random)\b/;

const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sources(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );

describe('lambdas/domain', () => {
  it('draws no random value but through the Random port', () => {
    const offenders = sources(DOMAIN).filter((file) => RANDOM_SOURCES.test(readFileSync(file, 'utf8')));
    expect(offenders.map((file) => relative(DOMAIN, file))).toEqual([]);
  });

  it('is checked on real files', () => {
    expect(sources(DOMAIN).length).toBeGreaterThan(10);
  });
});
