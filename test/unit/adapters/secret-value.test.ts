import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import { SecretReader } from '../../../lambdas/adapters/secret-value';

const SECRET = 'k'.repeat(48);
const ARN = 'arn:aws:secretsmanager:ap-northeast-1:123456789012:secret:passcode-key';
const sm = mockClient(SecretsManagerClient);

/** A reader as one cold start has it: its cache lives as long as the reader. */
const freshReader = () => new SecretReader(() => new SecretsManagerClient({ region: 'ap-northeast-1' }));

beforeEach(() => sm.reset());

describe('SecretReader (the passcode key and the other secrets)', () => {
  it('uses the key given in the configuration, without Secrets Manager', async () => {
    // Act
    const key = await freshReader().value('passcode key', { value: SECRET });

    // Assess
    expect(key).toBe(SECRET);
    expect(sm.calls()).toHaveLength(0);
  });

  it('reads the secret once per cold start', async () => {
    // Prepare
    sm.on(GetSecretValueCommand).resolves({ SecretString: SECRET });
    const reader = freshReader();

    // Act
    const keys = [await reader.value('passcode key', { arn: ARN }), await reader.value('passcode key', { arn: ARN })];

    // Assess
    expect(keys).toEqual([SECRET, SECRET]);
    expect(sm.commandCalls(GetSecretValueCommand).map((c) => c.args[0].input)).toEqual([{ SecretId: ARN }]);
  });

  it('refuses an empty or short secret, and tries again at the next call', async () => {
    // Prepare
    sm.on(GetSecretValueCommand).resolvesOnce({ SecretString: 'short' }).resolves({ SecretString: SECRET });
    const reader = freshReader();

    // Act
    const first = reader.value('passcode key', { arn: ARN });
    await expect(first).rejects.toThrow('passcode key secret is empty or short');
    const second = await reader.value('passcode key', { arn: ARN });

    // Assess
    expect(second).toBe(SECRET);
    expect(sm.commandCalls(GetSecretValueCommand)).toHaveLength(2);
  });

  it('names a secret that is not configured', async () => {
    await expect(freshReader().value('letter key', undefined)).rejects.toThrow('no letter key secret configured');
  });
});
