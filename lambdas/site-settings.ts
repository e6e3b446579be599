import type { Config } from './config';
import { TEXT_DEFAULTS } from './config';
import { isLogoExtension, isSiteLink, type LogoExtension, logoPath } from './domain/site-frame';

/**
 * What the static pages show that is configuration, served as `/site-settings.json`: written
 * into the bucket at deploy time and by the local server, so one built site serves every stage.
 */
export const SITE_SETTINGS_FILE = 'site-settings.json';

export interface SiteSettings {
  brandName: string;
  supportContactName: string;
  supportContactEmail: string;
  /** The address the emails come from: the pages that promise a mail name it, so it can be let through a filter. */
  mailFromAddress: string;
  /** The holder in the footer's `© <year> <companyName>`. */
  companyName: string;
  /** Where the site serves the stage's logo (`/brand/logo.svg`); absent: the text brand. */
  brandLogo?: string;
  /** The footer's links; each one absent is not shown. */
  privacyPolicyUrl?: string;
  termsUrl?: string;
  contactUrl?: string;
}

/** The frame's settings as a stage gives them (cdk.json, or the local server's environment). */
export interface SiteFrame {
  companyName?: string;
  /** The logo's extension: the file itself is deployed (or served) as `logoPath(extension)`. */
  brandLogo?: LogoExtension;
  privacyPolicyUrl?: string;
  termsUrl?: string;
  contactUrl?: string;
}

export const FRAME_LINKS = ['privacyPolicyUrl', 'termsUrl', 'contactUrl'] as const;

export class SiteFrameError extends Error {}

export function siteSettings(
  config: Pick<Config, 'BRAND_NAME' | 'SUPPORT_CONTACT_NAME' | 'SUPPORT_CONTACT_EMAIL' | 'MAIL_FROM_ADDRESS'>,
  frame: SiteFrame = {},
): SiteSettings {
  const links: Partial<Record<(typeof FRAME_LINKS)[number], string>> = {};
  for (const name of FRAME_LINKS) {
    const link = frame[name];
    if (link === undefined) continue;
    // The stage config has checked these already; this keeps any other caller honest.
    if (!isSiteLink(link)) throw new SiteFrameError(`${name} must be an https://, mailto: or /path link: ${link}`);
    links[name] = link;
  }
  if (frame.brandLogo !== undefined && !isLogoExtension(frame.brandLogo)) {
    throw new SiteFrameError(`the logo must be a .svg or .png file: ${frame.brandLogo}`);
  }
  return {
    brandName: config.BRAND_NAME,
    supportContactName: config.SUPPORT_CONTACT_NAME,
    supportContactEmail: config.SUPPORT_CONTACT_EMAIL,
    mailFromAddress: config.MAIL_FROM_ADDRESS,
    companyName: frame.companyName ?? TEXT_DEFAULTS.COMPANY_NAME,
    ...(frame.brandLogo && { brandLogo: logoPath(frame.brandLogo) }),
    ...links,
  };
}
