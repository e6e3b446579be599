import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { HANDLER_BUNDLING, LAZY_LIBRARIES, type LazyLibrary, lazyLibraryCommand } from '../../bundling';

export interface HandlerFunctionProps {
  /** The handler's TypeScript file, exporting `handler`. */
  readonly entry: string;
  readonly environment: Record<string, string>;
  readonly logRetention: RetentionDays;
  readonly memorySize: number;
  /** Reserved (and so also maximum) concurrent executions; undefined: the account's shared pool. */
  readonly reservedConcurrency?: number;
  /** 10 seconds for an API handler; a scheduled job that reads every account takes longer. */
  readonly timeout?: Duration;
  /** What the role is for. */
  readonly roleDescription?: string;
  /** Whether Node reads the source maps at start (`--enable-source-maps`); the maps ship either way. */
  readonly sourceMaps?: boolean;
  /** The lazy libraries (lib/bundling.ts) this function's code imports: bundled beside it. */
  readonly lazyLibraries?: readonly LazyLibrary[];
}

/**
 * One Lambda function: bundled by the local esbuild (no Docker), with its own log group and its own
 * role. The role starts empty (not AWSLambdaBasicExecutionRole, which may write to any log
 * group): it may write to this function's log group, and gets the grants of its needs.
 */
export class HandlerFunction extends Construct {
  readonly function: NodejsFunction;
  readonly logGroup: LogGroup;
  readonly role: Role;

  constructor(scope: Construct, id: string, props: HandlerFunctionProps) {
    super(scope, id);
    // Retained: these are the audit trail; the retention period bounds them instead.
    this.logGroup = new LogGroup(this, 'Logs', {
      retention: props.logRetention,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: props.roleDescription ?? 'One API handler of CustomerSupportWeb: its log group and what its route needs',
    });
    this.logGroup.grant(this.role, 'logs:CreateLogStream', 'logs:PutLogEvents');
    this.function = new NodejsFunction(this, 'Function', {
      entry: props.entry,
      handler: 'handler',
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize,
      timeout: props.timeout ?? Duration.seconds(10),
      role: this.role,
      logGroup: this.logGroup,
      reservedConcurrentExecutions: props.reservedConcurrency,
      environment: props.sourceMaps ? { ...props.environment, NODE_OPTIONS: '--enable-source-maps' } : props.environment,
      bundling: {
        minify: HANDLER_BUNDLING.minify,
        target: HANDLER_BUNDLING.target,
        mainFields: [...HANDLER_BUNDLING.mainFields],
        esbuildArgs: Object.fromEntries(Object.entries(HANDLER_BUNDLING.alias).map(([from, to]) => [`--alias:${from}`, to])),
        sourceMap: true,
        sourcesContent: false,
        // Ship the SDK version the tests ran against, not whichever one the runtime carries.
        bundleAwsSDK: true,
        // Loaded on first use from the function's own node_modules (lib/bundling.ts); a function
        // that never imports one gets none.
        externalModules: [...LAZY_LIBRARIES],
        commandHooks: {
          beforeBundling: () => [],
          beforeInstall: () => [],
          afterBundling: (_inputDir, outputDir) => (props.lazyLibraries ?? []).map((library) => lazyLibraryCommand(library, outputDir)),
        },
      },
    });
  }
}
