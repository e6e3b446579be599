import { ConfigError, loadConfig } from '../../lambdas/config';

const REQUIRED = {
  STAGE: 'test',
  SITE_URL: 'https://support.example.jp',
  MAIL_FROM_ADDRESS: 'no-reply@example.jp',
  SUPPORT_CONTACT_EMAIL: 'support@example.jp',
  ACCOUNTS_TABLE: 'accounts',
  REQUESTS_TABLE: 'requests',
  SESSIONS_TABLE: 'sessions',
  LIMITS_TABLE: 'limits',
  FACTORS_TABLE: 'factors',
  STEPS_TABLE: 'steps',
  USER_POOL_ID: 'ap-northeast-1_pool',
  USER_POOL_CLIENT_ID: 'client',
  PASSCODE_KEY: 'k'.repeat(32),
};

function configError(env: NodeJS.ProcessEnv): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('reads a complete environment and applies the defaults', () => {
    // Act
    const config = loadConfig({ ...REQUIRED });

    // Assess
    expect(config).toMatchObject({
      ...REQUIRED,
      MAIL_FROM_NAME: 'お客様サポートWEB',
      BRAND_NAME: 'GMOフィナンシャルゲート',
      SUPPORT_CONTACT_NAME: 'GMOフィナンシャルゲート株式会社 管理本部 業務課 お客様サポートWEB担当',
      REGISTRATION_VALIDITY_MINUTES: 1440,
      PASSCODE_MAX_ATTEMPTS: 5,
      SESSION_IDLE_MINUTES: 30,
      SESSION_ABSOLUTE_MINUTES: 720,
      LOCKOUT_THRESHOLD: 5,
      LOCKOUT_MINUTES: 15,
      MAIL_REQUESTS_PER_HOUR: 5,
    });
  });

  it('reads numbers from their string form and keeps given values over defaults', () => {
    // Act
    const config = loadConfig({ ...REQUIRED, REGISTRATION_VALIDITY_MINUTES: '30', SESSION_IDLE_MINUTES: '15', MAIL_FROM_NAME: 'Support' });

    // Assess
    expect(config).toMatchObject({ REGISTRATION_VALIDITY_MINUTES: 30, SESSION_IDLE_MINUTES: 15, MAIL_FROM_NAME: 'Support' });
  });

  it('drops trailing slashes from the site URL', () => {
    expect(loadConfig({ ...REQUIRED, SITE_URL: 'https://support.example.jp//' }).SITE_URL).toBe('https://support.example.jp');
  });

  it.each(Object.keys(REQUIRED).filter((k) => k !== 'PASSCODE_KEY'))('refuses to start without %s, naming it', (name) => {
    // Prepare
    const env: NodeJS.ProcessEnv = { ...REQUIRED };
    delete env[name];

    // Act
    const error = configError(env);

    // Assess
    expect(error.message).toContain(name);
  });

  it.each([
    ['SITE_URL', 'not a url'],
    ['MAIL_FROM_ADDRESS', 'no-reply'],
    ['SUPPORT_CONTACT_EMAIL', 'support at example.jp'],
    ['REGISTRATION_VALIDITY_MINUTES', '0'],
    ['PASSCODE_MAX_ATTEMPTS', 'five'],
    ['SESSION_IDLE_MINUTES', '-1'],
    ['STAGE', ''],
    ['PASSCODE_KEY', 'too-short'],
  ])('refuses a malformed %s, naming it', (name, value) => {
    expect(configError({ ...REQUIRED, [name]: value }).message).toContain(name);
  });

  it('needs PASSCODE_KEY or PASSCODE_KEY_SECRET_ARN', () => {
    // Prepare
    const { PASSCODE_KEY: _key, ...withoutKey } = REQUIRED;

    // Act
    const error = configError(withoutKey);

    // Assess
    expect(error.message).toContain('PASSCODE_KEY or PASSCODE_KEY_SECRET_ARN is required');
  });

  it('accepts the secret ARN instead of the key', () => {
    // Prepare
    const { PASSCODE_KEY: _key, ...withoutKey } = REQUIRED;

    // Act
    const config = loadConfig({ ...withoutKey, PASSCODE_KEY_SECRET_ARN: 'arn:aws:secretsmanager:ap-northeast-1:123456789012:secret:k' });

    // Assess
    expect(config.PASSCODE_KEY).toBeUndefined();
    expect(config.PASSCODE_KEY_SECRET_ARN).toContain('secret:k');
  });

  it('lists every problem at once', () => {
    // Act
    const error = configError({ STAGE: 'test' });

    // Assess
    for (const name of ['SITE_URL', 'MAIL_FROM_ADDRESS', 'ACCOUNTS_TABLE', 'USER_POOL_ID']) expect(error.message).toContain(name);
  });
});
