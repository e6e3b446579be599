import { DefaultStackSynthesizer, type Stack, Token, Validations, type CfnResource } from 'aws-cdk-lib';
import type { Bucket } from 'aws-cdk-lib/aws-s3';

const BUCKET_DEPLOYMENT_HANDLER_PREFIX = 'Custom::CDKBucketDeployment';

/**
 * cdk-nag findings on the Lambda that aws-cdk-lib's BucketDeployment adds to the stack (a
 * singleton we do not write): each one named, each with its reason. It runs only during a
 * deploy, copying the built site from the CDK asset bucket into the content bucket and
 * invalidating CloudFront.
 */
export function acknowledgeBucketDeploymentHandler(stack: Stack, contentBucket: Bucket): void {
  const handler = stack.node.children.find((child) => child.node.id.startsWith(BUCKET_DEPLOYMENT_HANDLER_PREFIX));
  if (!handler) return;
  const account = Token.isUnresolved(stack.account) ? '<AWS::AccountId>' : stack.account;
  const assetBucket = `cdk-${DefaultStackSynthesizer.DEFAULT_QUALIFIER}-assets-${account}-${stack.region}`;
  const contentBucketId = stack.getLogicalId(contentBucket.node.defaultChild as CfnResource);
  const copyReason =
    "BucketDeployment's deploy-time copy: the s3 wildcards are CDK's grantRead on the asset object and grantReadWrite on the content bucket, both limited to those two buckets.";
  const acknowledgments: [string, string][] = [
    [
      'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      "BucketDeployment's handler role is built by aws-cdk-lib with the basic execution policy (its own logs); it runs only during deploys.",
    ],
    ['AwsSolutions-IAM5[Action::s3:GetBucket*]', copyReason],
    ['AwsSolutions-IAM5[Action::s3:GetObject*]', copyReason],
    ['AwsSolutions-IAM5[Action::s3:List*]', copyReason],
    ['AwsSolutions-IAM5[Action::s3:Abort*]', copyReason],
    ['AwsSolutions-IAM5[Action::s3:DeleteObject*]', copyReason],
    [
      `AwsSolutions-IAM5[Resource::arn:aws:s3:::${assetBucket}/*]`,
      'Reads the site asset CDK uploaded to its own asset bucket (the object name is a content hash).',
    ],
    [
      `AwsSolutions-IAM5[Resource::<${contentBucketId}.Arn>/*]`,
      'Writes and prunes every object of the site content bucket: that is what a deployment of the site is.',
    ],
    [
      'AwsSolutions-IAM5[Resource::*]',
      'cloudfront:CreateInvalidation and GetInvalidation as aws-cdk-lib grants them, to invalidate the distribution after the copy.',
    ],
    ['AwsSolutions-L1', "The runtime is the one aws-cdk-lib pins for BucketDeployment's handler; it moves with aws-cdk-lib upgrades."],
  ];
  for (const [id, reason] of acknowledgments) Validations.of(handler).acknowledge({ id, reason });
}
