/**
 * The local mailbox as a newcomer reads it: one group per recipient address, the address with
 * the newest mail first, and in each group the newest mail first. Senders and subjects are
 * decoded (RFC 2047 encoded-words, by libmime: the sender's Japanese name travels encoded).
 */
import libmime from 'libmime';
import { type BodyPart, bodyParts, passcodeIn } from './mail-body';
import type { StoredMail } from './stored-mails';

export interface InboxMail {
  messageId: string;
  from: string;
  to: string[];
  subject: string;
  receivedAt: Date;
  /** The text body, URLs of the local site as links; empty when the mail has only HTML. */
  text: BodyPart[];
  /** The HTML body as sent, if any: the page shows it only in a sandbox. */
  html?: string;
  passcode?: string;
}

export interface AddressGroup {
  address: string;
  mails: InboxMail[];
}

const decoded = (header: string) => libmime.decodeWords(header);

function inboxMail(mail: StoredMail, siteOrigin: string): InboxMail {
  const text = mail.body.text ?? '';
  return {
    messageId: mail.messageId,
    from: decoded(mail.from),
    to: mail.destination.to.map(decoded),
    subject: decoded(mail.subject),
    receivedAt: new Date(mail.at * 1000),
    text: text ? bodyParts(text, siteOrigin) : [],
    html: mail.body.html || undefined,
    passcode: passcodeIn(text),
  };
}

/**
 * The stored mails (oldest first, as the emulator keeps them) grouped per address. Two mails of
 * one request arrive in the same second: the one stored later counts as newer.
 */
export function inboxOf(stored: readonly StoredMail[], siteOrigin: string): AddressGroup[] {
  const newestFirst = stored
    .map((mail, index) => ({ mail: inboxMail(mail, siteOrigin), index }))
    .sort((a, b) => b.mail.receivedAt.getTime() - a.mail.receivedAt.getTime() || b.index - a.index)
    .map(({ mail }) => mail);
  const groups = new Map<string, AddressGroup>();
  for (const mail of newestFirst) {
    for (const address of new Set(mail.to.map((to) => to.toLowerCase()))) {
      const group = groups.get(address) ?? { address, mails: [] };
      group.mails.push(mail);
      groups.set(address, group);
    }
  }
  // A Map keeps the order of first insertion: the address of the newest mail comes first.
  return [...groups.values()];
}
