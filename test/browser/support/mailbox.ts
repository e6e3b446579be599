/**
 * Reads the local SES emulator's mailbox (aws-ses-v2-local, `GET /store`) the way a merchant
 * reads their inbox: waits for the two registration emails and takes out the completion URL and
 * the passcode.
 */
export const URL_MAIL_SUBJECT = '【GMOフィナンシャルゲート】お客様サポートWEB用メールアドレス登録申請受付のお知らせ';
export const PASSCODE_MAIL_SUBJECT = '【GMOフィナンシャルゲート】お客様サポートWEB用メールアドレス登録申請受付のお知らせ(パスコード)';

export interface StoredEmail {
  messageId: string;
  from: string;
  destination: { to: string[]; cc?: string[]; bcc?: string[] };
  subject: string;
  body: { text?: string; html?: string };
  at: number | string;
}

export interface RegistrationMails {
  urlMail: StoredEmail;
  passcodeMail: StoredEmail;
  completionUrl: string;
  passcode: string;
}

const POLL_INTERVAL_MS = 200;
const DEFAULT_TIMEOUT_MS = 15_000;

const bodyOf = (email: StoredEmail) => email.body.text ?? email.body.html ?? '';

/** `=?UTF-8?B?…?=` (how a Japanese display name must travel) back to text. */
export function decodeMimeWords(header: string): string {
  return header.replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_, encoding: string, text: string) =>
    encoding.toLowerCase() === 'b'
      ? Buffer.from(text, 'base64').toString('utf8')
      : Buffer.from(
          text.replace(/_/g, ' ').replace(/=([0-9a-f]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))),
          'latin1',
        ).toString('utf8'),
  );
}

export class Mailbox {
  constructor(private readonly mailboxUrl: string) {}

  async messagesTo(address: string): Promise<StoredEmail[]> {
    const response = await fetch(`${this.mailboxUrl}/store`);
    if (!response.ok) throw new Error(`mailbox answered ${response.status}`);
    const { emails } = (await response.json()) as { emails: StoredEmail[] };
    const wanted = address.toLowerCase();
    return emails.filter((email) => email.destination.to.some((to) => to.toLowerCase().includes(wanted)));
  }

  /**
   * Waits for a pair of registration emails to `address`. `earlierPairs` skips the pairs of
   * earlier registrations to the same address (0 = the first pair).
   */
  async registrationMails(address: string, { earlierPairs = 0, timeoutMs = DEFAULT_TIMEOUT_MS } = {}): Promise<RegistrationMails> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const received = await this.messagesTo(address);
      const urlMail = received.filter((email) => email.subject === URL_MAIL_SUBJECT)[earlierPairs];
      const passcodeMail = received.filter((email) => email.subject === PASSCODE_MAIL_SUBJECT)[earlierPairs];
      if (urlMail && passcodeMail) {
        return { urlMail, passcodeMail, completionUrl: completionUrlIn(urlMail), passcode: passcodeIn(passcodeMail) };
      }
      if (Date.now() > deadline) {
        const subjects = received.map((email) => email.subject).join(' / ') || 'none';
        throw new Error(`registration emails to ${address} did not arrive; received: ${subjects}`);
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
    }
  }
}

export function completionUrlIn(email: StoredEmail): string {
  const url = bodyOf(email).match(/https?:\/\/[^\s"'<>]+\/passcode\.html#[A-Za-z0-9_-]+/)?.[0];
  if (!url) throw new Error(`no completion URL in: ${bodyOf(email)}`);
  return url;
}

export function passcodeIn(email: StoredEmail): string {
  const passcode = bodyOf(email).match(/パスコード\s*[:：]\s*(\d{6})/)?.[1];
  if (!passcode) throw new Error(`no passcode in: ${bodyOf(email)}`);
  return passcode;
}
