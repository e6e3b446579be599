/**
 * What the pages show that is configuration (the brand, the support contact), read from
 * `/site-settings.json` (written at deploy time, served by the local server) into every element
 * marked `data-setting="<name>"`. The HTML carries the login guide's values, so a page whose
 * settings cannot be read still shows a usable contact.
 */
import { isEmail } from './validation';

export interface SiteSettings {
  brandName: string;
  supportContactName: string;
  supportContactEmail: string;
  /** The emails' sender, named where a page promises a mail. */
  mailFromAddress: string;
}

type SettingName = keyof SiteSettings;

export const SITE_SETTINGS_PATH = '/site-settings.json';

const MAX_SETTING_LENGTH = 200;

const SETTING_NAMES: readonly string[] = ['brandName', 'supportContactName', 'supportContactEmail', 'mailFromAddress'];
const EMAIL_SETTINGS: readonly string[] = ['supportContactEmail', 'mailFromAddress'];

const isSettingName = (name: string | undefined): name is SettingName => name !== undefined && SETTING_NAMES.includes(name);

/** Only plain, sensible text gets onto the page; anything else keeps the fallback. */
export function validSettings(body: unknown): Partial<SiteSettings> {
  const settings: Partial<SiteSettings> = {};
  if (typeof body !== 'object' || body === null) return settings;
  for (const [name, value] of Object.entries(body)) {
    if (!isSettingName(name) || typeof value !== 'string') continue;
    const text = value.trim();
    if (!text || text.length > MAX_SETTING_LENGTH) continue;
    if (EMAIL_SETTINGS.includes(name) && !isEmail(text)) continue;
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

export function fillSettings(settings: Partial<SiteSettings>, root: ParentNode = document): void {
  for (const element of root.querySelectorAll<HTMLElement>('[data-setting]')) {
    const name = element.dataset.setting;
    const value = isSettingName(name) ? settings[name] : undefined;
    if (!value) continue;
    element.textContent = value;
    if (name === 'supportContactEmail' && element instanceof HTMLAnchorElement) element.href = `mailto:${value}`;
  }
}

export async function applySiteSettings(): Promise<void> {
  fillSettings(await loadSiteSettings());
}
