import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';

export interface OpsNotificationsProps {
  /** Subscribed by email when given; SNS mails a confirmation link first. */
  readonly email?: string;
}

/**
 * The topic that reaches the ops team: CloudWatch alarms and SES bounces and complaints.
 * It lives with the stateful resources so the email subscription, once confirmed, survives
 * redeploys of the web stack. Encrypted with its own key, because CloudWatch and SES cannot
 * publish to a topic encrypted with the AWS managed SNS key.
 */
export class OpsNotifications extends Construct {
  readonly topic: Topic;

  constructor(scope: Construct, id: string, props: OpsNotificationsProps) {
    super(scope, id);
    const { account } = Stack.of(this);
    const publishers = ['cloudwatch.amazonaws.com', 'ses.amazonaws.com'];
    const key = new Key(this, 'Key', {
      description: 'Encrypts the ops notification topic (お客様サポートWEB)',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.DESTROY,
      pendingWindow: Duration.days(30),
    });
    key.addToResourcePolicy(
      new PolicyStatement({
        sid: 'AlarmsAndSesPublishToTheTopic',
        principals: publishers.map((service) => new ServicePrincipal(service)),
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        resources: ['*'],
        conditions: { StringEquals: { 'aws:SourceAccount': account } },
      }),
    );
    this.topic = new Topic(this, 'Topic', {
      displayName: 'CustomerSupportWeb ops',
      masterKey: key,
      enforceSSL: true,
    });
    // The topic policy CDK writes replaces SNS's default one, so CloudWatch is let in by name
    // (SES is let in by its configuration set's event destination).
    this.topic.addToResourcePolicy(
      new PolicyStatement({
        sid: 'AlarmsPublish',
        principals: [new ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['sns:Publish'],
        resources: [this.topic.topicArn],
        conditions: { StringEquals: { 'aws:SourceAccount': account } },
      }),
    );
    if (props.email) this.topic.addSubscription(new EmailSubscription(props.email));
  }
}
