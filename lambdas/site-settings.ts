import type { Config } from './config';

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
}

export function siteSettings(
  config: Pick<Config, 'BRAND_NAME' | 'SUPPORT_CONTACT_NAME' | 'SUPPORT_CONTACT_EMAIL' | 'MAIL_FROM_ADDRESS'>,
): SiteSettings {
  return {
    brandName: config.BRAND_NAME,
    supportContactName: config.SUPPORT_CONTACT_NAME,
    supportContactEmail: config.SUPPORT_CONTACT_EMAIL,
    mailFromAddress: config.MAIL_FROM_ADDRESS,
  };
}
