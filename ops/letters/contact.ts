import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TEXT_DEFAULTS } from '../../lambdas/config';

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
      return { name: typeof stage.supportContactName === 'string' ? stage.supportContactName : TEXT_DEFAULTS.SUPPORT_CONTACT_NAME, email: stage.supportContactEmail };
    }
  } catch {
    // No readable cdk.json here: the guide's contact.
  }
  return GUIDE_CONTACT;
}
