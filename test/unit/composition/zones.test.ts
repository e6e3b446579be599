import { zoneNeeds } from '../../../lambdas/composition/needs';
import { zoneHandler } from '../../../lambdas/composition/route-handler';
import { handlerNeeds } from '../../../lambdas/composition/needs';
import { routes, routesOf, UNROUTED_ENTRY, ZONES } from '../../../lambdas/routes';

const FUNCTIONS_DIR = '../../../lambdas/functions';

describe('the zones of the route table', () => {
  it('put every route in exactly one zone, and the guide’s path in two', () => {
    expect(ZONES.flatMap((zone) => routesOf(zone)).length).toBe(routes.length);
    const guide = ['first-login', 'registration-status', 'complete-registration', 'login', 'me', 'session-time', 'logout'];
    const zones = new Set(guide.map((entry) => routes.find((route) => route.entry === entry)!.zone));
    expect([...zones].sort()).toEqual(['account', 'sign-in']);
  });

  it('give only the second-factors function the TOTP key', () => {
    expect(ZONES.filter((zone) => zoneNeeds(zone).totpKey)).toEqual(['second-factors']);
  });

  it.each(ZONES)('let the %s function touch exactly the union of its routes’ needs', (zone) => {
    const order = ['read', 'readWrite', 'readWriteScan'];
    const served = routesOf(zone).map((route) => handlerNeeds[route.entry]);
    const union = zoneNeeds(zone);
    for (const [table, access] of Object.entries(union.tables)) {
      const declared = served.map((needs) => needs.tables[table as keyof typeof union.tables]).filter(Boolean);
      expect(declared.length).toBeGreaterThan(0);
      expect(Math.max(...declared.map((a) => order.indexOf(a!)))).toBe(order.indexOf(access));
    }
    for (const needs of served) {
      for (const table of Object.keys(needs.tables)) expect(union.tables).toHaveProperty(table);
      for (const action of needs.userPoolActions ?? []) expect(union.userPoolActions).toContain(action);
      if (needs.sendMail) expect(union.sendMail).toBe(true);
      if (needs.passcodeKey) expect(union.passcodeKey).toBe(true);
    }
    expect(union.letterKey).toBeUndefined();
  });

  it('serve the default route, which touches nothing, from the sign-in function', () => {
    expect(handlerNeeds[UNROUTED_ENTRY]).toEqual({ tables: {} });
    expect(zoneNeeds('account').userPoolActions).toEqual(['AdminInitiateAuth', 'AdminSetUserPassword']);
  });
});

describe('a zone function', () => {
  it('refuses, at start, routes that are not exactly its zone’s', () => {
    expect(() => zoneHandler('account', [], {})).toThrow(/zone account: routes missing \(logout, me, /);
  });

  it.each(ZONES)('%s: its entry composes every adapter its routes need and serves exactly its routes', (zone) => {
    // Prepare: what lambdas/config.ts needs to load, as on Lambda.
    const saved = { ...process.env };
    Object.assign(process.env, {
      STAGE: 'test',
      SITE_URL: 'https://support.example.jp',
      MAIL_FROM_ADDRESS: 'no-reply@example.jp',
      SUPPORT_CONTACT_EMAIL: 'support@example.jp',
      ACCOUNTS_TABLE: 'a',
      REQUESTS_TABLE: 'r',
      SESSIONS_TABLE: 's',
      LIMITS_TABLE: 'l',
      FACTORS_TABLE: 'f',
      STEPS_TABLE: 'st',
      USER_POOL_ID: 'ap-northeast-1_pool',
      USER_POOL_CLIENT_ID: 'c',
      PASSCODE_KEY: 'k'.repeat(32),
    });
    try {
      // Act / Assess: loading the entry builds the handler, which checks its routes and adapters.
      jest.isolateModules(() => {
        expect(typeof require(`${FUNCTIONS_DIR}/${zone}`).handler).toBe('function');
      });
    } finally {
      process.env = saved;
    }
  });
});
