/**
 * The local mailbox on the dev server: `GET /_local/mailbox` (`?to=` one address) and its
 * stylesheet. Local mode only: the dev server serves it when `npm start` (or a test's stack)
 * hands it the SES emulator; nothing of it is in the site build CDK deploys.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { inboxOf } from './inbox';
import { INBOX_PATH, INBOX_STYLESHEET_PATH, inboxPage, inboxUnavailablePage } from './inbox-page';
import { readStoredMails } from './stored-mails';

export interface InboxSource {
  /** The SES emulator (aws-ses-v2-local), whose store holds the mails. */
  emulatorUrl: string;
  /** The local site: only its URLs in a mail become links. */
  siteUrl: string;
}

export interface InboxAnswer {
  status: number;
  contentType: string;
  body: string;
}

const HTML = 'text/html; charset=utf-8';

/** The answer for `path`, or undefined when the path is not the mailbox's. */
export async function inboxAnswer(path: string, query: URLSearchParams, source: InboxSource): Promise<InboxAnswer | undefined> {
  if (path === INBOX_STYLESHEET_PATH) {
    return { status: 200, contentType: 'text/css; charset=utf-8', body: await readFile(join(__dirname, 'inbox.css'), 'utf8') };
  }
  if (path !== INBOX_PATH) return undefined;
  const emulatorUrl = source.emulatorUrl.replace('127.0.0.1', 'localhost');
  const stored = await readStoredMails(source.emulatorUrl).catch((error: Error) => {
    process.stderr.write(`local mailbox: ${error.message}\n`);
    return undefined;
  });
  if (!stored) return { status: 503, contentType: HTML, body: inboxUnavailablePage(emulatorUrl) };
  const selected = query.get('to')?.trim() || undefined;
  return { status: 200, contentType: HTML, body: inboxPage({ groups: inboxOf(stored, source.siteUrl), selected, emulatorUrl }) };
}
