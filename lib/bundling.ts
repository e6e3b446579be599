import { join } from 'node:path';

/**
 * How every Lambda handler is bundled: the CDK functions and `npm run bench` use these same
 * esbuild settings, so the benchmark measures what is deployed. Imports nothing from aws-cdk-lib.
 */
export const HANDLER_BUNDLING = {
  minify: true,
  /** The SDK's ES module builds let esbuild drop what a handler never calls. */
  mainFields: ['module', 'main'],
  /** Matches the Lambda runtime (Node.js 24). */
  target: 'node24',
  /**
   * Lambda hands a function its credentials in environment variables, so the SDK's full default
   * chain (SSO, profiles, web identity: ~100 KB of nested clients) is swapped for the env reader.
   * The ops command and local mode keep the full chain: they are not bundled this way.
   */
  alias: {
    '@aws-sdk/credential-provider-node': join(__dirname, '..', 'lambdas', 'adapters', 'clients', 'lambda-credentials.ts'),
  },
} as const;
