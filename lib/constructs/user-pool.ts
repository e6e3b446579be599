import { RemovalPolicy } from 'aws-cdk-lib';
import {
  AccountRecovery,
  FeaturePlan,
  StringAttribute,
  UserPool,
  UserPoolClient,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { LOGIN_ID_ATTRIBUTE, userPoolDefinition } from '../user-pool-definition';

export interface MerchantUserPoolProps {
  readonly deletionProtection: boolean;
}

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
      // Lite covers admin auth and custom attributes; password history is enforced in code
      // (it must include the initial password, which Cognito never sees).
      featurePlan: FeaturePlan.LITE,
      deletionProtection: props.deletionProtection,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.client = this.userPool.addClient('LambdaClient', {
      authFlows: { adminUserPassword: true },
      generateSecret: false,
      preventUserExistenceErrors: true,
    });
  }
}
