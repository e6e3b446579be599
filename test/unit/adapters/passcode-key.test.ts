import type { Config } from '../../../lambdas/config';

type SecretsModule = typeof import('@aws-sdk/client-secrets-manager');
type PasscodeKeyModule = typeof import('../../../lambdas/adapters/passcode-key');
type ClientMockModule = typeof import('aws-sdk-client-mock');

const SECRET = 'k'.repeat(48);
const ARN = 'arn:aws:secretsmanager:ap-northeast-1:123456789012:secret:passcode-key';

/** The module caches the key per process, so every test loads a fresh copy. */
function freshModules() {
  let loaded!: { secrets: SecretsModule; passcodeKey: PasscodeKeyModule['passcodeKey']; mockClient: ClientMockModule['mockClient'] };
  jest.isolateModules(() => {
    loaded = {
      secrets: require('@aws-sdk/client-secrets-manager'),
      passcodeKey: require('../../../lambdas/adapters/passcode-key').passcodeKey,
      mockClient: require('aws-sdk-client-mock').mockClient,
    };
  });
  return loaded;
}

const config = (keys: Partial<Config>) => ({ ...keys }) as Config;

describe('passcodeKey', () => {
  it('uses the key given in the configuration, without Secrets Manager', async () => {
    // Prepare
    const { secrets, passcodeKey, mockClient } = freshModules();
    const sm = mockClient(secrets.SecretsManagerClient);

    // Act
    const key = await passcodeKey(config({ PASSCODE_KEY: SECRET }));

    // Assess
    expect(key).toBe(SECRET);
    expect(sm.calls()).toHaveLength(0);
  });

  it('reads the secret once per cold start', async () => {
    // Prepare
    const { secrets, passcodeKey, mockClient } = freshModules();
    const sm = mockClient(secrets.SecretsManagerClient);
    sm.on(secrets.GetSecretValueCommand).resolves({ SecretString: SECRET });

    // Act
    const keys = [await passcodeKey(config({ PASSCODE_KEY_SECRET_ARN: ARN })), await passcodeKey(config({ PASSCODE_KEY_SECRET_ARN: ARN }))];

    // Assess
    expect(keys).toEqual([SECRET, SECRET]);
    expect(sm.commandCalls(secrets.GetSecretValueCommand).map((c) => c.args[0].input)).toEqual([{ SecretId: ARN }]);
  });

  it('refuses an empty or short secret, and tries again at the next call', async () => {
    // Prepare
    const { secrets, passcodeKey, mockClient } = freshModules();
    const sm = mockClient(secrets.SecretsManagerClient);
    sm.on(secrets.GetSecretValueCommand).resolvesOnce({ SecretString: 'short' }).resolves({ SecretString: SECRET });

    // Act
    const first = passcodeKey(config({ PASSCODE_KEY_SECRET_ARN: ARN }));
    await expect(first).rejects.toThrow('passcode key secret is empty or short');
    const second = await passcodeKey(config({ PASSCODE_KEY_SECRET_ARN: ARN }));

    // Assess
    expect(second).toBe(SECRET);
    expect(sm.commandCalls(secrets.GetSecretValueCommand)).toHaveLength(2);
  });
});
