import { extname, resolve } from 'node:path';
import { isLogoExtension, isSiteLink } from '../lambdas/domain/site-frame';
import { FRAME_LINKS, type SiteFrame } from '../lambdas/site-settings';

/**
 * The site frame of the local stack (what cdk.json's companyName, brandLogo and the footer's
 * links are on AWS), from the environment: `SITE_BRAND_LOGO` is a file of the repository, the
 * links are checked as the stage config checks them. An empty value is the same as none.
 */
export const SITE_FRAME_VARIABLES = {
  companyName: 'SITE_COMPANY_NAME',
  brandLogo: 'SITE_BRAND_LOGO',
  privacyPolicyUrl: 'SITE_PRIVACY_POLICY_URL',
  termsUrl: 'SITE_TERMS_URL',
  contactUrl: 'SITE_CONTACT_URL',
} as const satisfies Record<keyof SiteFrame, string>;

/** Obviously examples, so whoever runs the product locally sees the footer's links and where they go. */
export const LOCAL_SITE_FRAME_EXAMPLES: Readonly<Record<string, string>> = {
  [SITE_FRAME_VARIABLES.privacyPolicyUrl]: 'https://www.example.com/privacy/',
  [SITE_FRAME_VARIABLES.termsUrl]: 'https://www.example.com/terms/',
  [SITE_FRAME_VARIABLES.contactUrl]: 'mailto:support@example.com',
};

export class LocalSiteFrameError extends Error {}

export function localSiteFrame(env: NodeJS.ProcessEnv, repoRoot: string): { frame: SiteFrame; logoFile?: string } {
  const value = (name: string) => env[name]?.trim() || undefined;
  const frame: SiteFrame = { companyName: value(SITE_FRAME_VARIABLES.companyName) };
  for (const name of FRAME_LINKS) {
    const link = value(SITE_FRAME_VARIABLES[name]);
    if (link && !isSiteLink(link)) {
      throw new LocalSiteFrameError(`${SITE_FRAME_VARIABLES[name]} must be an https:// page, a mailto: address or a /path of the site.`);
    }
    frame[name] = link;
  }
  const logo = value(SITE_FRAME_VARIABLES.brandLogo);
  if (!logo) return { frame };
  const extension = extname(logo).toLowerCase();
  if (!isLogoExtension(extension)) throw new LocalSiteFrameError(`${SITE_FRAME_VARIABLES.brandLogo} must be a .svg or .png file.`);
  return { frame: { ...frame, brandLogo: extension }, logoFile: resolve(repoRoot, logo) };
}
