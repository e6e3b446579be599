import { CfnOutput } from 'aws-cdk-lib';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import {
  ConfigurationSet,
  ConfigurationSetTlsPolicy,
  EmailIdentity,
  EmailSendingEvent,
  EventDestination,
  Identity,
  SuppressionReasons,
} from 'aws-cdk-lib/aws-ses';
import { Construct } from 'constructs';

export interface MailSenderProps {
  readonly fromAddress: string;
  /** When given, the whole domain is verified (DKIM records to publish) instead of one address. */
  readonly identityDomain?: string;
  /** Where bounces, complaints and rejections are published for the ops team. */
  readonly opsTopic: ITopic;
}

/** What SES reports to the ops team: addresses that do not exist or that call the mail spam. */
export const OPS_MAIL_EVENTS = [EmailSendingEvent.BOUNCE, EmailSendingEvent.COMPLAINT, EmailSendingEvent.REJECT];

/**
 * The SES identity the product's emails are sent from, and the configuration set they are sent
 * with. An address identity is verified by a link SES mails to it; a domain identity by the DKIM
 * CNAME records in the stack outputs.
 */
export class MailSender extends Construct {
  readonly identity: EmailIdentity;
  readonly configurationSet: ConfigurationSet;

  constructor(scope: Construct, id: string, props: MailSenderProps) {
    super(scope, id);
    this.configurationSet = new ConfigurationSet(this, 'ConfigurationSet', {
      // Bounce and complaint rates of this product alone, beside the account-wide ones.
      reputationMetrics: true,
      sendingEnabled: true,
      // Never mail again an address that bounced or complained (protects the sending reputation).
      suppressionReasons: SuppressionReasons.BOUNCES_AND_COMPLAINTS,
      // OPTIONAL: a merchant's provider without TLS still gets its passcode; SES uses TLS whenever offered.
      tlsPolicy: ConfigurationSetTlsPolicy.OPTIONAL,
    });
    this.configurationSet.addEventDestination('ToOps', {
      destination: EventDestination.snsTopic(props.opsTopic),
      events: OPS_MAIL_EVENTS,
    });
    this.identity = new EmailIdentity(this, 'Identity', {
      identity: props.identityDomain ? Identity.domain(props.identityDomain) : Identity.email(props.fromAddress),
      // Also the identity's default, so a send that forgets to name the set is still reported.
      configurationSet: this.configurationSet,
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
