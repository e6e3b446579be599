import { GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';
import type { Config } from '../config';
import { secretsClient } from './clients/secrets';

let cached: Promise<string> | undefined;

/**
 * The passcode hash key: given directly in local mode, else read once per cold start from
 * Secrets Manager, so it never sits in the function's environment in plain text.
 */
export function passcodeKey(config: Config): Promise<string> {
  cached ??= config.PASSCODE_KEY
    ? Promise.resolve(config.PASSCODE_KEY)
    : secretsClient()
        .send(new GetSecretValueCommand({ SecretId: config.PASSCODE_KEY_SECRET_ARN }))
        .then(({ SecretString }) => {
          if (!SecretString || SecretString.length < 32) throw new Error('passcode key secret is empty or short');
          return SecretString;
        });
  cached.catch(() => (cached = undefined));
  return cached;
}
