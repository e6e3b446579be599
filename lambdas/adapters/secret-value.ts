import { GetSecretValueCommand, type SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

export interface SecretSource {
  readonly value?: string;
  readonly arn?: string;
}

/**
 * Secrets given directly (local mode) or read once per cold start from Secrets Manager, so they
 * never sit in a function's environment in plain text. A failed read is forgotten, so the next
 * request tries again.
 */
export class SecretReader {
  private readonly cache = new Map<string, Promise<string>>();

  constructor(private readonly secrets: () => SecretsManagerClient) {}

  value(name: string, source: SecretSource | undefined, minLength = 32): Promise<string> {
    if (source?.value) return Promise.resolve(source.value);
    const arn = source?.arn;
    if (!arn) return Promise.reject(new Error(`no ${name} secret configured`));
    let value = this.cache.get(arn);
    if (!value) {
      value = this.secrets()
        .send(new GetSecretValueCommand({ SecretId: arn }))
        .then(({ SecretString }) => {
          if (!SecretString || SecretString.length < minLength) throw new Error(`${name} secret is empty or short`);
          return SecretString;
        });
      value.catch(() => this.cache.delete(arn));
      this.cache.set(arn, value);
    }
    return value;
  }
}
