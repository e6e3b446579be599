import { fromEnv } from '@aws-sdk/credential-provider-env';

/**
 * Stands in for `@aws-sdk/credential-provider-node` in the Lambda bundles (lib/bundling.ts):
 * on Lambda the credentials are always in the environment.
 */
export const defaultProvider = () => fromEnv();
