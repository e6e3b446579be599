import { SendEmailCommand, type SESv2Client } from '@aws-sdk/client-sesv2';
import type { Email, Mailer } from '../domain/ports';

/**
 * SES takes only 7-bit ASCII in address headers: the Japanese display name
 * (お客様サポートWEB) must travel as a MIME encoded-word, or SES refuses the send.
 */
export function fromHeader(name: string, address: string): string {
  const ascii = /^[\x20-\x7e]*$/.test(name) && !/["\\]/.test(name);
  const display = ascii ? `"${name}"` : `=?UTF-8?B?${Buffer.from(name, 'utf8').toString('base64')}?=`;
  return `${display} <${address}>`;
}

export class SesMailer implements Mailer {
  private readonly from: string;

  constructor(
    private readonly ses: SESv2Client,
    sender: { name: string; address: string },
    private readonly configurationSetName?: string,
  ) {
    this.from = fromHeader(sender.name, sender.address);
  }

  async send(email: Email): Promise<void> {
    await this.ses.send(
      new SendEmailCommand({
        FromEmailAddress: this.from,
        Destination: { ToAddresses: [email.to] },
        ConfigurationSetName: this.configurationSetName,
        Content: {
          Simple: {
            Subject: { Data: email.subject, Charset: 'UTF-8' },
            Body: { Text: { Data: email.text, Charset: 'UTF-8' } },
          },
        },
      }),
    );
  }
}
