/**
 * What the pages show that is configuration (the brand and its logo, the support contact, the
 * footer's company and links), read from `/site-settings.json` (written at deploy time, served
 * by the local server) into the elements that ask for it:
 * - `data-setting="<name>"`: its text (and a mail link's address);
 * - `data-setting-link="<name>"`: an item shown only when the setting is there, its link's href
 *   the setting; an element marked `data-setting-links` is shown once one of its items is;
 * - `data-setting-logo`: the logo image, shown instead of the text brand (`data-brand-text`).
 * The HTML carries the login guide's values, so a page whose settings cannot be read still shows
 * a usable contact, and leaves out what has no value.
 */
import { isLogoPath, isSiteLink } from '../../../lambdas/domain/site-frame';
import { isEmail } from './validation';

export interface SiteSettings {
  brandName: string;
  supportContactName: string;
  supportContactEmail: string;
  /** The emails' sender, named where a page promises a mail. */
  mailFromAddress: string;
  companyName: string;
  brandLogo: string;
  privacyPolicyUrl: string;
  termsUrl: string;
  contactUrl: string;
}

type SettingName = keyof SiteSettings;

export const SITE_SETTINGS_PATH = '/site-settings.json';

const MAX_SETTING_LENGTH = 200;

/** Each setting's check beyond plain, short text. */
const SETTING_RULES: Record<SettingName, (text: string) => boolean> = {
  brandName: () => true,
  supportContactName: () => true,
  supportContactEmail: isEmail,
  mailFromAddress: isEmail,
  companyName: () => true,
  brandLogo: isLogoPath,
  privacyPolicyUrl: isSiteLink,
  termsUrl: isSiteLink,
  contactUrl: isSiteLink,
};

const isSettingName = (name: string | undefined): name is SettingName => name !== undefined && Object.hasOwn(SETTING_RULES, name);

/** Only plain, sensible text gets onto the page; anything else keeps the fallback. */
export function validSettings(body: unknown): Partial<SiteSettings> {
  const settings: Partial<SiteSettings> = {};
  if (typeof body !== 'object' || body === null) return settings;
  for (const [name, value] of Object.entries(body)) {
    if (!isSettingName(name) || typeof value !== 'string') continue;
    const text = value.trim();
    if (!text || text.length > MAX_SETTING_LENGTH || !SETTING_RULES[name](text)) continue;
    settings[name] = text;
  }
  return settings;
}

async function loadSiteSettings(): Promise<Partial<SiteSettings>> {
  try {
    const response = await fetch(SITE_SETTINGS_PATH, {
      credentials: 'same-origin',
      cache: 'no-cache',
      headers: { Accept: 'application/json' },
    });
    return response.ok ? validSettings(await response.json()) : {};
  } catch {
    return {};
  }
}

const settingOf = (settings: Partial<SiteSettings>, name: string | undefined) => (isSettingName(name) ? settings[name] : undefined);

export function fillSettings(settings: Partial<SiteSettings>, root: ParentNode = document): void {
  for (const element of root.querySelectorAll<HTMLElement>('[data-setting]')) {
    const name = element.dataset.setting;
    const value = settingOf(settings, name);
    if (!value) continue;
    element.textContent = value;
    if (name === 'supportContactEmail' && element instanceof HTMLAnchorElement) element.href = `mailto:${value}`;
  }
  for (const item of root.querySelectorAll<HTMLElement>('[data-setting-link]')) {
    const link = settingOf(settings, item.dataset.settingLink);
    const anchor = item instanceof HTMLAnchorElement ? item : item.querySelector('a');
    if (!link || !anchor) continue;
    anchor.href = link;
    item.hidden = false;
  }
  for (const group of root.querySelectorAll<HTMLElement>('[data-setting-links]')) {
    if (group.querySelector('[data-setting-link]:not([hidden])')) group.hidden = false;
  }
  const logo = settings.brandLogo;
  if (logo) for (const image of root.querySelectorAll<HTMLImageElement>('img[data-setting-logo]')) showLogo(image, logo);
}

/** The logo in place of the text brand; a logo that does not load gives the text back. */
function showLogo(logo: HTMLImageElement, src: string): void {
  const text = logo.parentElement?.querySelector<HTMLElement>('[data-brand-text]');
  // The brand name as it stands (from the settings, or the guide's) is what the logo says.
  logo.alt = text?.textContent?.trim() ?? '';
  logo.addEventListener(
    'error',
    () => {
      logo.hidden = true;
      if (text) text.hidden = false;
    },
    { once: true },
  );
  logo.src = src;
  logo.hidden = false;
  if (text) text.hidden = true;
}

export async function applySiteSettings(): Promise<void> {
  fillSettings(await loadSiteSettings());
}
