/**
 * What the site's frame (header and footer) takes from configuration beyond plain text: the
 * footer's links (個人情報保護方針, 利用規約, お問い合わせ) and the brand's logo. The stage config,
 * the local server and the pages all check them here.
 */
const MAX_LINK_LENGTH = 500;

/**
 * Only an https page, a mail address or a path of the site itself: no plain http (a merchant
 * signed in over TLS is not sent off it), no `javascript:` or other schemes, no `//host`.
 */
export function isSiteLink(link: string): boolean {
  if (link.length === 0 || link.length > MAX_LINK_LENGTH || /[\s\\<>"'`]/.test(link)) return false;
  if (link.startsWith('/')) return !link.startsWith('//');
  if (/^mailto:/i.test(link)) return /^mailto:[^@/?#]+@[^@/?#]+\.[^@/?#]+$/i.test(link);
  try {
    const url = new URL(link);
    return url.protocol === 'https:' && url.hostname.includes('.') && !url.username && !url.password;
  } catch {
    return false;
  }
}

/** The logo's kinds of file, by extension. */
export const LOGO_EXTENSIONS = ['.svg', '.png'] as const;
export type LogoExtension = (typeof LOGO_EXTENSIONS)[number];

export const isLogoExtension = (extension: string): extension is LogoExtension =>
  (LOGO_EXTENSIONS as readonly string[]).includes(extension);

/**
 * Where the site serves the stage's logo: from its own origin, since the CSP lets images come
 * from 'self' only (no img-src for another host).
 */
export const logoPath = (extension: LogoExtension): string => `/brand/logo${extension}`;

export const isLogoPath = (path: string): boolean => LOGO_EXTENSIONS.some((extension) => path === logoPath(extension));
