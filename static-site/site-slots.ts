/**
 * Text the pages take from the product's own rules rather than retype: the build fills each
 * `{{name}}` in a page or partial from here, so the pages cannot drift from what the server checks.
 */
import { japanDay } from '../lambdas/domain/japan-time';
import { POLICY_WORDING } from '../lambdas/domain/password-policy';
import { escapeHtml } from './page-layout';

export const SITE_SLOTS: Readonly<Record<string, string>> = {
  'password-rule': escapeHtml(POLICY_WORDING.rule),
  'password-symbols': escapeHtml(POLICY_WORDING.symbols),
  'password-history': escapeHtml(POLICY_WORDING.history),
  /** The footer's ©, as of the build; the page script puts the current year over it (js/copyright-year.ts). */
  'copyright-year': japanDay(new Date()).slice(0, 4),
};
