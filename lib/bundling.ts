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
} as const;
