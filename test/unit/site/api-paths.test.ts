import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { apiPath, routes, type RouteEntry } from '../../../lambdas/routes';

const SCRIPTS_DIR = path.join(__dirname, '../../../static-site/src/js');

describe('API paths for the pages', () => {
  it("are the server's route table paths", () => {
    for (const route of routes) expect(apiPath(route.entry)).toBe(route.path);
    expect(apiPath('login')).toBe('/api/login');
  });

  it('fail loudly for a handler without a route', () => {
    expect(() => apiPath('nowhere' as RouteEntry)).toThrow('nowhere');
  });

  it('are never typed into a page script', () => {
    const typed = readdirSync(SCRIPTS_DIR)
      .filter((name) => name.endsWith('.ts'))
      .filter((name) => /['"`]\/api\//.test(readFileSync(path.join(SCRIPTS_DIR, name), 'utf8')));
    expect(typed).toEqual([]);
  });
});
