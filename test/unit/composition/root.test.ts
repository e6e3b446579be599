import { UndeclaredCallError } from '../../../lambdas/composition/declared-calls';
import type { Resources } from '../../../lambdas/composition/resources';
import { ALL_ADAPTERS } from '../../../lambdas/composition/adapters/all';
import { compose, withExtras } from '../../../lambdas/composition/root';

const RESOURCES: Resources = {
  tables: { accounts: 'acc', requests: 'req', sessions: 'ses', limits: 'lim', factors: 'fac', steps: 'ste' },
  userPool: { id: 'ap-northeast-1_pool', clientId: 'client' },
  secrets: { passcodeKey: { value: 'p'.repeat(32) }, letterKey: { value: 'l'.repeat(32) } },
  rules: {
    lockout: { threshold: 5, lockMinutes: 15 },
    mailRate: { limit: 5, windowMinutes: 60 },
    maxPasscodeAttempts: 5,
    sessionIdleMinutes: 30,
    sessionAbsoluteMinutes: 720,
    initialPasswordValidityDays: 90,
    mfaPolicy: 'optional',
  },
};
const logger = { info: jest.fn() };
const saved = { ...process.env };

beforeAll(() => {
  // Nothing listens here: a call the needs allow fails on the network, a refused one never leaves.
  Object.assign(process.env, {
    AWS_REGION: 'ap-northeast-1',
    AWS_ACCESS_KEY_ID: 'x',
    AWS_SECRET_ACCESS_KEY: 'x',
    AWS_ENDPOINT_URL_DYNAMODB: 'http://127.0.0.1:9',
    AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: 'http://127.0.0.1:9',
    AWS_MAX_ATTEMPTS: '1',
  });
});
afterAll(() => {
  process.env = saved;
});

describe('compose (the one composition root)', () => {
  it('refuses, before sending, a write on a table its owner declared read-only', async () => {
    // Prepare
    const { deps } = compose({ resources: RESOURCES, needs: { tables: { sessions: 'read' } }, owner: 'me', logger, adapters: {} });

    // Act
    const write = deps.sessions.delete('hash');
    const read = deps.sessions.get('hash');

    // Assess
    await expect(write).rejects.toThrow(UndeclaredCallError);
    await expect(write).rejects.toThrow('me does not declare dynamodb:DeleteItem on ses');
    await expect(read).rejects.not.toThrow(UndeclaredCallError);
  });

  it('refuses a table, a Cognito action or a secret that is not declared', async () => {
    // Prepare
    const app = compose({ resources: RESOURCES, needs: { tables: {} }, owner: 'logout', logger, adapters: ALL_ADAPTERS });

    // Act / Assess
    await expect(app.deps.accounts.get('M1')).rejects.toThrow('logout does not declare dynamodb:GetItem on acc');
    await expect(app.deps.identity.verifyPassword('a@example.jp', 'x')).rejects.toThrow(UndeclaredCallError);
    await app.ready();
    expect(() => app.deps.passcodeKey).toThrow('logout: the passcode key');
  });

  it('reads the declared secrets once ready, and builds nothing it is not asked for', async () => {
    // Prepare
    const app = compose({
      resources: RESOURCES,
      needs: { tables: {}, passcodeKey: true, letterKey: true },
      owner: 'ops',
      logger,
      adapters: ALL_ADAPTERS,
    });

    // Act
    const deps = await app.ready();
    const extended = withExtras(deps, { renderPdf: 'given' });

    // Assess
    expect(deps.passcodeKey).toBe('p'.repeat(32));
    expect(deps.letterKey).toBe('l'.repeat(32));
    expect(extended.renderPdf).toBe('given');
    expect(extended.initialPasswordValidityDays).toBe(90);
    // No mail is described: only asking for the mailer says so.
    expect(() => deps.mailer).toThrow('mail is not configured');
    expect(app.originSecret).toBeUndefined();
  });

  it('gives no heavy adapter its entry did not compose, naming what is missing', () => {
    // Prepare
    const app = compose({ resources: RESOURCES, needs: { tables: {} }, owner: 'account', logger, adapters: {} });

    // Act / Assess
    expect(() => app.deps.identity).toThrow('account: the identity adapter (not among the adapters its entry composes)');
    expect(() => app.deps.ceremonies).toThrow('account: the passkey ceremonies');
  });

  it('narrowed to a route, refuses what the function may do but the route did not declare', async () => {
    // Prepare: the function may write sessions and read accounts; the route in progress only reads accounts.
    let route: { tables: { accounts: 'read' } } | undefined;
    const app = compose({
      resources: RESOURCES,
      needs: { tables: { sessions: 'readWrite', accounts: 'read' } },
      narrowedTo: () => route,
      owner: 'account',
      logger,
      adapters: {},
    });

    // Act / Assess (each call is judged when it is sent, so each is awaited within its setting)
    route = { tables: { accounts: 'read' } };
    await expect(app.deps.sessions.delete('hash')).rejects.toThrow('account does not declare dynamodb:DeleteItem on ses');
    await expect(app.deps.accounts.get('M1')).rejects.not.toThrow(UndeclaredCallError);
    route = undefined;
    await expect(app.deps.sessions.delete('hash')).rejects.not.toThrow(UndeclaredCallError);
  });
});
