import { GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';
import { secretsClient } from './clients/secrets';

const cache = new Map<string, Promise<string>>();

/**
 * A secret's value, given directly (local mode) or read once per cold start from Secrets
 * Manager, so it never sits in the function's environment in plain text. A failed read is
 * forgotten, so the next request tries again.
 */
export function secretValue(source: { name: string; value?: string; arn?: string }, minLength = 32): Promise<string> {
  if (source.value) return Promise.resolve(source.value);
  const arn = source.arn;
  if (!arn) return Promise.reject(new Error(`no ${source.name} secret configured`));
  let value = cache.get(arn);
  if (!value) {
    value = secretsClient()
      .send(new GetSecretValueCommand({ SecretId: arn }))
      .then(({ SecretString }) => {
        if (!SecretString || SecretString.length < minLength) throw new Error(`${source.name} secret is empty or short`);
        return SecretString;
      });
    value.catch(() => cache.delete(arn));
    cache.set(arn, value);
  }
  return value;
}
