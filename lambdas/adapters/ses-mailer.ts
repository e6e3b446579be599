import { SendEmailCommand, type SESv2Client } from '@aws-sdk/client-sesv2';
import type { Email, Mailer } from '../domain/ports';

/** An encoded-word may be 75 characters: `=?UTF-8?B?` + 60 base64 characters (45 bytes) + `?=`. */
const WORD_BYTES = 45;

function encodedWords(text: string): string {
  const words: string[] = [];
  let current = '';
  for (const char of text) {
    if (Buffer.byteLength(current + char) > WORD_BYTES) {
      words.push(current);
      current = '';
    }
    current += char;
  }
  words.push(current);
  return words.map((word) => `=?UTF-8?B?${Buffer.from(word, 'utf8').toString('base64')}?=`).join(' ');
}

/**
 * SES takes only 7-bit ASCII in address headers: the Japanese display name
 * (お客様サポートWEB) must travel as MIME encoded-words (RFC 2047, whole characters in each),
 * or SES refuses the send.
 */
export function fromHeader(name: string, address: string): string {
  const ascii = /^[\x20-\x7e]*$/.test(name) && !/["\\]/.test(name);
  return `${ascii ? `"${name}"` : encodedWords(name)} <${address}>`;
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
