import { MessageRejected, SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { fromHeader, SesMailer } from '../../../lambdas/adapters/ses-mailer';

const ses = mockClient(SESv2Client);
const client = new SESv2Client({ region: 'ap-northeast-1' });
const email = {
  to: 'hanako@example.com',
  subject: '【GMOフィナンシャルゲート】お客様サポートWEB用メールアドレス登録申請受付のお知らせ',
  text: 'パスコード : 012345',
};

function decodeEncodedWord(header: string): { name: string; address: string } {
  const match = /^=\?UTF-8\?B\?([A-Za-z0-9+/=]+)\?= <([^>]+)>$/.exec(header);
  if (!match) throw new Error(`not an encoded-word From header: ${header}`);
  return { name: Buffer.from(match[1], 'base64').toString('utf8'), address: match[2] };
}

describe('SesMailer', () => {
  beforeEach(() => {
    ses.reset();
  });

  it('sends plain UTF-8 text to the one recipient from the configured sender', async () => {
    // Prepare
    ses.on(SendEmailCommand).resolves({ MessageId: 'm-1' });
    const mailer = new SesMailer(client, { name: 'お客様サポートWEB', address: 'no-reply@example.jp' }, 'support-web');

    // Act
    await mailer.send(email);

    // Assess
    expect(ses).toHaveReceivedCommandTimes(SendEmailCommand, 1);
    expect(ses).toHaveReceivedCommandWith(SendEmailCommand, {
      Destination: { ToAddresses: ['hanako@example.com'] },
      ConfigurationSetName: 'support-web',
      Content: {
        Simple: {
          Subject: { Data: email.subject, Charset: 'UTF-8' },
          Body: { Text: { Data: email.text, Charset: 'UTF-8' } },
        },
      },
    });
  });

  it('puts the Japanese sender name in a MIME encoded-word that decodes back to お客様サポートWEB', async () => {
    // Prepare
    ses.on(SendEmailCommand).resolves({ MessageId: 'm-1' });
    const mailer = new SesMailer(client, { name: 'お客様サポートWEB', address: 'no-reply@example.jp' });

    // Act
    await mailer.send(email);

    // Assess
    const from = ses.commandCalls(SendEmailCommand)[0].args[0].input.FromEmailAddress!;
    expect(from).toMatch(/^[\x20-\x7e]+$/);
    expect(decodeEncodedWord(from)).toEqual({ name: 'お客様サポートWEB', address: 'no-reply@example.jp' });
  });

  it('lets an SES refusal through, for the use case to report', async () => {
    // Prepare
    const rejected = new MessageRejected({ message: 'Email address is not verified.', $metadata: {} });
    ses.on(SendEmailCommand).rejects(rejected);
    const mailer = new SesMailer(client, { name: 'お客様サポートWEB', address: 'no-reply@example.jp' });

    // Act
    const attempt = mailer.send(email);

    // Assess
    await expect(attempt).rejects.toBe(rejected);
  });

  describe('fromHeader', () => {
    it('quotes an ASCII display name', () => {
      expect(fromHeader('Customer Support', 'no-reply@example.jp')).toBe('"Customer Support" <no-reply@example.jp>');
    });

    it('encodes an ASCII name that holds a quote or backslash rather than quoting it wrongly', () => {
      // Act
      const header = fromHeader('Support "Web"', 'no-reply@example.jp');

      // Assess
      expect(decodeEncodedWord(header)).toEqual({ name: 'Support "Web"', address: 'no-reply@example.jp' });
    });

    it('keeps every encoded-word within the 75 characters RFC 2047 allows, for a longer configured name', () => {
      // Prepare
      const name = 'GMOフィナンシャルゲート株式会社 お客様サポートWEB';

      // Act
      const header = fromHeader(name, 'no-reply@example.jp');

      // Assess
      const words = header.match(/=\?UTF-8\?B\?[A-Za-z0-9+/=]*\?=/g) ?? [];
      expect(words.length).toBeGreaterThan(0);
      for (const word of words) expect(word.length).toBeLessThanOrEqual(75);
      // Each word must hold whole characters (RFC 2047 §5), so each decodes on its own.
      const decoded = words.map((w) => Buffer.from(w.slice(10, -2), 'base64').toString('utf8')).join('');
      expect(decoded).toBe(name);
      expect(header.endsWith(' <no-reply@example.jp>')).toBe(true);
    });

    it('encodes a Japanese name as =?UTF-8?B?…?=', () => {
      expect(fromHeader('お客様サポートWEB', 'a@example.jp')).toBe(
        `=?UTF-8?B?${Buffer.from('お客様サポートWEB').toString('base64')}?= <a@example.jp>`,
      );
    });
  });
});
