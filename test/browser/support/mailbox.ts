/**
 * Reads the local SES emulator's mailbox (aws-ses-v2-local, `GET /store`) the way a merchant
 * reads their inbox: waits for the two emails of a request (registration, password reset, email
 * change) and takes out the completion URL and the passcode, or waits for one notice.
 */
import libmime from 'libmime';

export const URL_MAIL_SUBJECT = '【GMOフィナンシャルゲート】お客様サポートWEB用メールアドレス登録申請受付のお知らせ';
export const PASSCODE_MAIL_SUBJECT = '【GMOフィナンシャルゲート】お客様サポートWEB用メールアドレス登録申請受付のお知らせ(パスコード)';

export const RESET_URL_MAIL_SUBJECT = '【GMOフィナンシャルゲート】お客様サポートWEBパスワード再設定申請受付のお知らせ';
export const RESET_PASSCODE_MAIL_SUBJECT = `${RESET_URL_MAIL_SUBJECT}(パスコード)`;
export const PASSWORD_CHANGED_MAIL_SUBJECT = '【GMOフィナンシャルゲート】お客様サポートWEBパスワード変更完了のお知らせ';

export const EMAIL_CHANGE_URL_MAIL_SUBJECT = '【GMOフィナンシャルゲート】お客様サポートWEB用メールアドレス変更申請受付のお知らせ';
export const EMAIL_CHANGE_PASSCODE_MAIL_SUBJECT = `${EMAIL_CHANGE_URL_MAIL_SUBJECT}(パスコード)`;
export const EMAIL_CHANGED_MAIL_SUBJECT = '【GMOフィナンシャルゲート】お客様サポートWEB用メールアドレス変更完了のお知らせ';

/** The two emails of each kind of request, and the page their URL opens. */
export const REQUEST_KINDS = {
  registration: { urlSubject: URL_MAIL_SUBJECT, passcodeSubject: PASSCODE_MAIL_SUBJECT, page: 'passcode.html' },
  passwordReset: { urlSubject: RESET_URL_MAIL_SUBJECT, passcodeSubject: RESET_PASSCODE_MAIL_SUBJECT, page: 'reset-password.html' },
  emailChange: {
    urlSubject: EMAIL_CHANGE_URL_MAIL_SUBJECT,
    passcodeSubject: EMAIL_CHANGE_PASSCODE_MAIL_SUBJECT,
    page: 'confirm-email.html',
  },
} as const;
export type RequestKind = keyof typeof REQUEST_KINDS;

export interface StoredEmail {
  messageId: string;
  from: string;
  destination: { to: string[]; cc?: string[]; bcc?: string[] };
  subject: string;
  body: { text?: string; html?: string };
  at: number | string;
}

export interface RequestMails {
  urlMail: StoredEmail;
  passcodeMail: StoredEmail;
  completionUrl: string;
  passcode: string;
}

export type RegistrationMails = RequestMails;

const POLL_INTERVAL_MS = 200;
const DEFAULT_TIMEOUT_MS = 15_000;

const bodyOf = (email: StoredEmail) => email.body.text ?? email.body.html ?? '';

/** `=?UTF-8?B?…?=` (how a Japanese display name must travel) back to text, by libmime (RFC 2047). */
export const decodeMimeWords = (header: string): string => libmime.decodeWords(header);

export class Mailbox {
  constructor(private readonly mailboxUrl: string) {}

  async messagesTo(address: string): Promise<StoredEmail[]> {
    const response = await fetch(`${this.mailboxUrl}/store`);
    if (!response.ok) throw new Error(`mailbox answered ${response.status}`);
    const { emails } = (await response.json()) as { emails: StoredEmail[] };
    const wanted = address.toLowerCase();
    return emails.filter((email) => email.destination.to.some((to) => to.toLowerCase().includes(wanted)));
  }

  /** The subjects of every email to `address`, oldest first. */
  async subjectsTo(address: string): Promise<string[]> {
    return (await this.messagesTo(address)).map((email) => email.subject);
  }

  /**
   * Waits for a pair of registration emails to `address`. `earlierPairs` skips the pairs of
   * earlier registrations to the same address (0 = the first pair).
   */
  registrationMails(address: string, options: { earlierPairs?: number; timeoutMs?: number } = {}): Promise<RequestMails> {
    return this.requestMails('registration', address, options);
  }

  /** Waits for the pair of emails (URL, passcode) of one request of this kind to `address`. */
  async requestMails(kind: RequestKind, address: string, { earlierPairs = 0, timeoutMs = DEFAULT_TIMEOUT_MS } = {}): Promise<RequestMails> {
    const { urlSubject, passcodeSubject, page } = REQUEST_KINDS[kind];
    const [urlMail, passcodeMail] = await this.waitUntil(address, timeoutMs, `${kind} emails`, (received) => {
      const url = received.filter((email) => email.subject === urlSubject)[earlierPairs];
      const code = received.filter((email) => email.subject === passcodeSubject)[earlierPairs];
      return url && code ? [url, code] : undefined;
    });
    return { urlMail, passcodeMail, completionUrl: completionUrlIn(urlMail, page), passcode: passcodeIn(passcodeMail) };
  }

  /** Waits for an email with this subject to `address` (`index`: 0 = the first such email). */
  mailWithSubject(address: string, subject: string, { index = 0, timeoutMs = DEFAULT_TIMEOUT_MS } = {}): Promise<StoredEmail> {
    return this.waitUntil(address, timeoutMs, `"${subject}"`, (received) => received.filter((e) => e.subject === subject)[index]);
  }

  private async waitUntil<T>(
    address: string,
    timeoutMs: number,
    what: string,
    found: (received: StoredEmail[]) => T | undefined,
  ): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const received = await this.messagesTo(address);
      const result = found(received);
      if (result) return result;
      if (Date.now() > deadline) {
        const subjects = received.map((email) => email.subject).join(' / ') || 'none';
        throw new Error(`${what} to ${address} did not arrive; received: ${subjects}`);
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
    }
  }
}

export function completionUrlIn(email: StoredEmail, page = 'passcode.html'): string {
  const pattern = new RegExp(`https?://[^\\s"'<>]+/${page.replace('.', '\\.')}#[A-Za-z0-9_-]+`);
  const url = bodyOf(email).match(pattern)?.[0];
  if (!url) throw new Error(`no ${page} URL in: ${bodyOf(email)}`);
  return url;
}

export function passcodeIn(email: StoredEmail): string {
  const passcode = bodyOf(email).match(/パスコード\s*[:：]\s*(\d{6})/)?.[1];
  if (!passcode) throw new Error(`no passcode in: ${bodyOf(email)}`);
  return passcode;
}
