import { CfnOutput } from 'aws-cdk-lib';
import { EmailIdentity, Identity } from 'aws-cdk-lib/aws-ses';
import { Construct } from 'constructs';

export interface MailSenderProps {
  readonly fromAddress: string;
  /** When given, the whole domain is verified (DKIM records to publish) instead of one address. */
  readonly identityDomain?: string;
}

/**
 * The SES identity the product's emails are sent from. An address identity is verified by a
 * link SES mails to it; a domain identity by the DKIM CNAME records in the stack outputs.
 */
export class MailSender extends Construct {
  readonly identity: EmailIdentity;

  constructor(scope: Construct, id: string, props: MailSenderProps) {
    super(scope, id);
    this.identity = new EmailIdentity(this, 'Identity', {
      identity: props.identityDomain ? Identity.domain(props.identityDomain) : Identity.email(props.fromAddress),
    });
    if (props.identityDomain) this.outputDkimRecords();
  }

  private outputDkimRecords(): void {
    const records = [
      [this.identity.dkimDnsTokenName1, this.identity.dkimDnsTokenValue1],
      [this.identity.dkimDnsTokenName2, this.identity.dkimDnsTokenValue2],
      [this.identity.dkimDnsTokenName3, this.identity.dkimDnsTokenValue3],
    ];
    records.forEach(([name, value], i) => {
      new CfnOutput(this, `DkimRecord${i + 1}`, {
        description: 'DNS record to publish so SES can verify the sending domain',
        value: `${name} CNAME ${value}`,
      });
    });
  }
}
