/**
 * The browser and OS a user agent names, for ログイン中の端末 and the new sign-in notice, read by
 * bowser (a maintained parser; no regexes of our own).
 */
import Bowser from 'bowser';

/** Stored on the session at most this long: a header can be kilobytes, the list needs a line. */
export const USER_AGENT_KEPT = 512;

export interface BrowserAndOs {
  browser: string;
  os: string;
}

const UNKNOWN_BROWSER = '不明なブラウザ';
const UNKNOWN_OS = '不明なOS';

/** "Chrome 126" / "Windows 10", "Safari 17.5" / "iOS 17.5"; 不明… for what the parser does not know. */
export function browserAndOs(userAgent: string | undefined): BrowserAndOs {
  if (!userAgent?.trim()) return { browser: UNKNOWN_BROWSER, os: UNKNOWN_OS };
  const parser = Bowser.getParser(userAgent);
  const browser = parser.getBrowser();
  const os = parser.getOS();
  const major = browser.version
    ?.split('.')
    .slice(0, browser.name === 'Safari' ? 2 : 1)
    .join('.');
  return {
    browser: browser.name ? [browser.name, major].filter(Boolean).join(' ') : UNKNOWN_BROWSER,
    os: os.name ? [os.name, os.versionName ?? os.version].filter(Boolean).join(' ') : UNKNOWN_OS,
  };
}
