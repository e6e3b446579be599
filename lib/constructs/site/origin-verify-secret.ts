import { RemovalPolicy, Validations } from 'aws-cdk-lib';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { ORIGIN_VERIFY_HEADER } from '../../../lambdas/http/security-headers';

/** The header CloudFront adds to every request it forwards to the API (lambdas/http checks it). */
export { ORIGIN_VERIFY_HEADER };

export interface OriginVerifySecretProps {
  /**
   * Raising it replaces the secret by a new one with a new value. CloudFormation resolves the
   * dynamic reference only when the distribution's template changes, so a new value put into
   * the same secret would not reach CloudFront; a new secret (new ARN) reaches both CloudFront
   * and the functions in one deploy.
   */
  readonly generation: number;
}

/**
 * A generated value only CloudFront and the API functions know, so the HTTP API's public
 * execute-api address is useless to anyone who goes around CloudFront (and so around WAF).
 * CloudFront gets it through a CloudFormation dynamic reference, resolved at deploy time: the
 * template and the cloud assembly never hold the value.
 */
export class OriginVerifySecret extends Construct {
  readonly secret: Secret;
  /** `{{resolve:secretsmanager:<arn>:SecretString:::}}`, for the origin's custom header. */
  readonly dynamicReference: string;

  constructor(scope: Construct, id: string, props: OriginVerifySecretProps) {
    super(scope, id);
    this.secret = new Secret(this, props.generation === 1 ? 'Secret' : `SecretGeneration${props.generation}`, {
      description: `Value of the ${ORIGIN_VERIFY_HEADER} header CloudFront sends to the API (お客様サポートWEB)`,
      generateSecretString: { passwordLength: 64, excludePunctuation: true, includeSpace: false },
      // Stateless: a new stack makes a new value, and CloudFront and the functions follow it.
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.dynamicReference = this.secret.secretValue.unsafeUnwrap();
    Validations.of(this.secret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'CloudFront reads the value only when the distribution is deployed: a scheduled rotation would leave it sending the old value and the API refusing every request. Rotated by replacing the secret (originVerifySecretGeneration) in a deploy (docs/deploy.md).',
    });
  }
}
