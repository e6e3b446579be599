import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TEXT_DEFAULTS } from '../../lambdas/config';
import { SITE_SETTINGS_FILE } from '../../lambdas/site-settings';

/** Who a merchant asks when something of the letter does not work. */
export interface SupportContact {
  name: string;
  email: string;
}

/** The login guide's contact (本ご案内に関するお問合せ先): the letters of the local stack print it. */
export const GUIDE_CONTACT: SupportContact = {
  name: 'GMOフィナンシャルゲート株式会社 管理本部 業務課 お客様サポートWEB担当',
  email: 'support@gmo-fg.com',
};

const CDK_JSON = join(__dirname, '..', '..', 'cdk.json');
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * The contact the target's site shows on its pages and its emails name: the site's
 * `/site-settings.json` (the local server's configuration, or the one written at deploy time);
 * when that cannot be read, `supportContactFor`.
 */
export async function supportContactOf(
  target: { name: string; siteUrl?: string },
  { fetchSettings = fetch, cdkJson = CDK_JSON }: { fetchSettings?: typeof fetch; cdkJson?: string } = {},
): Promise<SupportContact> {
  if (target.siteUrl) {
    try {
      const response = await fetchSettings(`${target.siteUrl.replace(/\/+$/, '')}/${SITE_SETTINGS_FILE}`, {
        signal: AbortSignal.timeout(10_000),
      });
      const settings = response.ok ? ((await response.json()) as Record<string, unknown>) : {};
      const name = typeof settings.supportContactName === 'string' ? settings.supportContactName.trim() : '';
      const email = typeof settings.supportContactEmail === 'string' ? settings.supportContactEmail.trim() : '';
      if (name && name.length <= 200 && EMAIL.test(email)) return { name, email };
    } catch {
      // The site cannot be reached from here: the configuration on this machine.
    }
  }
  return supportContactFor(target.name, cdkJson);
}

/**
 * A deployed stage's letters name the contact its emails name (cdk.json → the stage's
 * supportContactName and supportContactEmail); anything else, and a stage without them, the
 * guide's.
 */
export function supportContactFor(targetName: string, cdkJson = CDK_JSON): SupportContact {
  if (targetName === 'local') return GUIDE_CONTACT;
  try {
    const stage = JSON.parse(readFileSync(cdkJson, 'utf8'))?.context?.stages?.[targetName];
    if (typeof stage?.supportContactEmail === 'string') {
      return {
        name: typeof stage.supportContactName === 'string' ? stage.supportContactName : TEXT_DEFAULTS.SUPPORT_CONTACT_NAME,
        email: stage.supportContactEmail,
      };
    }
  } catch {
    // No readable cdk.json here: the guide's contact.
  }
  return GUIDE_CONTACT;
}
