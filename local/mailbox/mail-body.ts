/**
 * What the local mailbox takes out of a text body: the product's own URLs, which become links,
 * and the passcode, which is shown large. Everything else stays text.
 */
export type BodyPart = { text: string } | { link: string };

/** A URL runs until a space, a quote or bracket, or the first non-ASCII character (Japanese text around it). */
const URL_IN_TEXT = /https?:\/\/[^\s<>"'\u0080-\uffff]+/g;

/** The passcode line of the passcode mail (lambdas/domain/emails/proof.ts: `パスコード : 123456`). */
const PASSCODE_LINE = /パスコード\s*[:：]\s*(\d{6})(?!\d)/;

/**
 * The body in parts: an http(s) URL on `siteOrigin` is a link; any other URL (another site, or
 * `javascript:` and the like, which the pattern never takes) stays text, so a mail cannot turn
 * the mailbox into a way off the local stack.
 */
export function bodyParts(text: string, siteOrigin: string): BodyPart[] {
  const parts: BodyPart[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_IN_TEXT)) {
    const url = match[0].replace(/[.,;:!?)\]]+$/, '');
    if (!isOnSite(url, siteOrigin)) continue;
    if (match.index > last) parts.push({ text: text.slice(last, match.index) });
    parts.push({ link: url });
    last = match.index + url.length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return mergeTexts(parts);
}

function isOnSite(url: string, siteOrigin: string): boolean {
  try {
    return new URL(url).origin === new URL(siteOrigin).origin;
  } catch {
    return false;
  }
}

/** Neighbouring text parts (left by URLs that stayed text) as one. */
function mergeTexts(parts: BodyPart[]): BodyPart[] {
  const merged: BodyPart[] = [];
  for (const part of parts) {
    const previous = merged.at(-1);
    if (previous && 'text' in previous && 'text' in part) previous.text += part.text;
    else merged.push({ ...part });
  }
  return merged;
}

/** The six digits of the passcode line, if the body has one. */
export const passcodeIn = (text: string): string | undefined => PASSCODE_LINE.exec(text)?.[1];
