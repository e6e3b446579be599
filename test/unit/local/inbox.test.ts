import { fromHeader } from '../../../lambdas/adapters/ses-mailer';
import { inboxOf } from '../../../local/mailbox/inbox';
import type { StoredMail } from '../../../local/mailbox/stored-mails';

const SITE = 'http://localhost:3000';
const SECOND = 1_780_000_000;

/** A mail as aws-ses-v2-local stores what the product sends (sender encoded, `at` in seconds). */
function stored(to: string, subject: string, at: number, text = '本文'): StoredMail {
  return {
    messageId: `ses-${subject}-${at}`,
    from: fromHeader('お客様サポートWEB', 'operation@mail.example.com'),
    destination: { to: [to], cc: [], bcc: [] },
    subject,
    body: { text },
    at,
  };
}

describe('the local inbox', () => {
  it('decodes the sender the product sends as MIME encoded-words', () => {
    const mail = stored('a@example.com', '件名', SECOND);
    expect(mail.from).toMatch(/^=\?UTF-8\?B\?/);

    const [group] = inboxOf([mail], SITE);

    expect(group!.mails[0]!.from).toBe('お客様サポートWEB <operation@mail.example.com>');
  });

  it('decodes a long sender name split into several encoded-words, and an encoded subject', () => {
    const name = 'GMOフィナンシャルゲート株式会社 お客様サポートWEB担当';
    const mail = { ...stored('a@example.com', '=?UTF-8?B?44OG44K544OI?=', SECOND), from: fromHeader(name, 'ops@example.com') };
    expect(mail.from.match(/=\?UTF-8\?B\?/g)!.length).toBeGreaterThan(1);

    const shown = inboxOf([mail], SITE)[0]!.mails[0]!;

    expect(shown.from).toBe(`${name} <ops@example.com>`);
    expect(shown.subject).toBe('テスト');
  });

  it('lists each address with its mails newest first, the address of the newest mail first', () => {
    const mails = [
      stored('old@example.com', 'old 1', SECOND),
      stored('new@example.com', 'new 1', SECOND + 10),
      stored('old@example.com', 'old 2', SECOND + 20),
      stored('new@example.com', 'new 2', SECOND + 30),
    ];

    const groups = inboxOf(mails, SITE);

    expect(groups.map((g) => [g.address, g.mails.map((m) => m.subject)])).toEqual([
      ['new@example.com', ['new 2', 'new 1']],
      ['old@example.com', ['old 2', 'old 1']],
    ]);
  });

  it('counts the mail stored later as the newer of two in the same second (the URL mail, then the passcode mail)', () => {
    const groups = inboxOf([stored('a@example.com', 'URL', SECOND), stored('a@example.com', 'パスコード', SECOND)], SITE);

    expect(groups[0]!.mails.map((m) => m.subject)).toEqual(['パスコード', 'URL']);
  });

  it('groups addresses whatever their case, under the address in lower case', () => {
    const groups = inboxOf([stored('Shop@Example.com', 'one', SECOND), stored('shop@example.com', 'two', SECOND + 1)], SITE);

    expect(groups.map((g) => [g.address, g.mails.length])).toEqual([['shop@example.com', 2]]);
  });

  it('keeps the time the emulator received the mail, the body parts and the passcode', () => {
    const mail = stored('a@example.com', '件名', SECOND, 'パスコード : 123456\nhttp://localhost:3000/passcode.html#tok');

    const shown = inboxOf([mail], SITE)[0]!.mails[0]!;

    expect(shown.receivedAt).toEqual(new Date(SECOND * 1000));
    expect(shown.passcode).toBe('123456');
    expect(shown.text).toEqual([{ text: 'パスコード : 123456\n' }, { link: 'http://localhost:3000/passcode.html#tok' }]);
  });

  it('is empty when no mail was sent', () => {
    expect(inboxOf([], SITE)).toEqual([]);
  });
});
