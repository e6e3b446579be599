/**
 * The emails as the SES emulator (aws-ses-v2-local) keeps them: `GET /store` on its port. The
 * sender is stored as sent (`=?UTF-8?B?…?= <…>`), `at` is in seconds, oldest first.
 */
export interface StoredMail {
  messageId: string;
  from: string;
  destination: { to: string[]; cc?: string[]; bcc?: string[] };
  subject: string;
  body: { text?: string; html?: string };
  at: number;
}

/** Every email the emulator at `emulatorUrl` holds, in the order it received them. */
export async function readStoredMails(emulatorUrl: string): Promise<StoredMail[]> {
  const response = await fetch(`${emulatorUrl}/store`);
  if (!response.ok) throw new Error(`the SES emulator answered ${response.status}`);
  const { emails } = (await response.json()) as { emails: StoredMail[] };
  return emails;
}
