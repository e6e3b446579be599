/**
 * The layers' import rules (docs/architecture.md), checked by `npm test`:
 * domain ← http ← composition ← handlers; ops and local mode on top; CDK (lib/) beside them.
 */
const SDK_AND_FRAMEWORKS = '^node_modules/(@aws-sdk|@smithy|@middy|zod|@aws-lambda-powertools)/';

module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment: 'Imports run one way.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'runtime-not-to-cdk',
      severity: 'error',
      comment: 'The Lambda code knows nothing of CDK: lib/ imports the plain definitions from lambdas/, never the reverse.',
      from: { path: '^lambdas/' },
      to: { path: ['^lib/', '^node_modules/(aws-cdk-lib|constructs|cdk-nag)/'] },
    },
    {
      name: 'runtime-not-to-tools',
      severity: 'error',
      comment: 'The Lambda code knows nothing of the ops command, local mode, the benchmark or the tests.',
      from: { path: '^lambdas/' },
      to: { path: '^(ops|local|bench|test|static-site)/' },
    },
    {
      name: 'ops-not-to-local',
      severity: 'error',
      comment: '`ops --stage prod` must not load esbuild or the dev server; local mode uses ops, not the reverse.',
      from: { path: '^ops/' },
      to: { path: ['^local/', '^static-site/', '^node_modules/esbuild/'] },
    },
    {
      name: 'cdk-not-to-tools',
      severity: 'error',
      from: { path: '^(lib|bin)/' },
      to: { path: '^(ops|local|bench|test)/' },
    },
    {
      name: 'http-builds-no-adapter',
      severity: 'error',
      comment: 'The HTTP layer shapes requests and answers; the composition root builds the collaborators.',
      from: { path: '^lambdas/http/' },
      to: { path: ['^lambdas/(adapters|composition|handlers|config)', '^node_modules/(@aws-sdk|@smithy|@aws-lambda-powertools)/'] },
    },
    {
      name: 'domain-is-plain',
      severity: 'error',
      comment: 'The rules of the product import no adapter, SDK, middy, zod or configuration.',
      from: { path: '^lambdas/domain/' },
      to: { path: ['^lambdas/(adapters|composition|http|handlers|config|resources)', SDK_AND_FRAMEWORKS] },
    },
    {
      name: 'use-case-groups-apart',
      severity: 'error',
      comment: "A merchant's step, an ops command and a scheduled job share only what lives in use-cases/shared/.",
      from: { path: '^lambdas/domain/use-cases/(merchant|ops|scheduled|shared)/' },
      to: { path: '^lambdas/domain/use-cases/(merchant|ops|scheduled)/', pathNot: '^lambdas/domain/use-cases/$1/' },
    },
    {
      name: 'adapters-not-to-outer-layers',
      severity: 'error',
      from: { path: '^lambdas/adapters/' },
      to: { path: '^lambdas/(composition|http|handlers|config)' },
    },
    {
      name: 'handlers-through-the-root',
      severity: 'error',
      comment: 'A handler says its route, body and use case; its collaborators come from the composition root.',
      from: { path: '^lambdas/handlers/' },
      to: { path: ['^lambdas/(adapters|config)', '^node_modules/@aws-sdk/'] },
    },
    {
      name: 'site-shares-only-plain-rules',
      severity: 'error',
      comment: 'The browser bundles may share the plain rules and the route table, nothing that runs on AWS.',
      from: { path: '^static-site/src/' },
      to: { path: ['^lambdas/(adapters|composition|http|handlers|config)', '^(lib|ops|local)/', SDK_AND_FRAMEWORKS] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(cdk\\.out|dist|test-results)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
