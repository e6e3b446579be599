import { RemovalPolicy, Validations } from 'aws-cdk-lib';
import {
  AccountRecovery,
  FeaturePlan,
  StandardThreatProtectionMode,
  StringAttribute,
  UserPool,
  type UserPoolClient,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { LOGIN_ID_ATTRIBUTE, userPoolDefinition } from '../../lambdas/resources/user-pool-definition';

export interface MerchantUserPoolProps {
  readonly deletionProtection: boolean;
  /** LITE covers admin auth and custom attributes; PLUS adds threat protection. */
  readonly featurePlan: 'LITE' | 'ESSENTIALS' | 'PLUS';
  /** Only with PLUS (the stage config refuses it otherwise). */
  readonly threatProtection: 'off' | 'audit' | 'enforced';
}

const THREAT_PROTECTION = {
  off: undefined,
  audit: StandardThreatProtectionMode.AUDIT_ONLY,
  enforced: StandardThreatProtectionMode.FULL_FUNCTION,
} as const;

/**
 * The registered merchants: username = email, the letter's login ID in `custom:loginId`.
 * Only the Lambdas talk to it (admin flows); it sends no mail, the product sends its own.
 */
export class MerchantUserPool extends Construct {
  readonly userPool: UserPool;
  readonly client: UserPoolClient;

  constructor(scope: Construct, id: string, props: MerchantUserPoolProps) {
    super(scope, id);
    const policy = userPoolDefinition.passwordPolicy;
    this.userPool = new UserPool(this, 'Pool', {
      signInAliases: { email: true },
      signInCaseSensitive: userPoolDefinition.caseSensitive,
      selfSignUpEnabled: false,
      // The product verifies addresses with its own two emails and sets email_verified itself.
      autoVerify: { email: false },
      // Password reset is the product's own flow; Cognito must not offer one.
      accountRecovery: AccountRecovery.NONE,
      customAttributes: { [LOGIN_ID_ATTRIBUTE]: new StringAttribute({ mutable: true }) },
      passwordPolicy: {
        minLength: policy.minimumLength,
        requireUppercase: policy.requireUppercase,
        requireLowercase: policy.requireLowercase,
        requireDigits: policy.requireNumbers,
        requireSymbols: policy.requireSymbols,
      },
      // Password history is enforced in code whatever the plan (it must include the initial
      // password, which Cognito never sees).
      featurePlan: FeaturePlan[props.featurePlan],
      standardThreatProtectionMode: THREAT_PROTECTION[props.threatProtection],
      deletionProtection: props.deletionProtection,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.userPool).acknowledge({
      id: 'AwsSolutions-COG2',
      reason:
        "Sign-in is the guide's email and password (docs/design.md), checked server-side by the Lambdas through the admin flow; no browser talks to Cognito. Lockout after 5 failures, WAF per-IP rate limits and the failed-login alarm protect it.",
    });
    if (props.featurePlan !== 'PLUS') {
      Validations.of(this.userPool).acknowledge({
        id: 'AwsSolutions-COG8',
        reason:
          'The feature plan is per-stage configuration (cognitoFeaturePlan): LITE covers the admin auth flow and custom attribute the product uses; PLUS (threat protection, per-MAU price) can be turned on without code changes.',
      });
    }
    this.client = this.userPool.addClient('LambdaClient', {
      authFlows: { adminUserPassword: true },
      generateSecret: false,
      preventUserExistenceErrors: true,
    });
  }
}
