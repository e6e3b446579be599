/**
 * The pages a completion URL opens (registration, password reset, email change). The token
 * rides in the URL fragment (never sent to a server log); the page asks the server whether it
 * is still usable before the merchant types anything, and when it is not, says what to do next
 * for the reason the server gives, in the words of the flow it belongs to.
 *
 * The page has: #link-checking (shown while asking), #link-check-alert, the form's view (hidden
 * until the link is known to be good), #link-email-line / #link-email (the masked address the
 * request is for) and #link-invalid with #link-invalid-message.
 */
import { postJson } from './api';
import { byId, replaceView } from './dom';

export type LinkInvalidReason = 'expired' | 'used' | 'replaced' | 'voided' | 'unknown';
export type InvalidLinkTexts = Record<LinkInvalidReason, string>;

export const REPLACED_TEXT =
  'このURLは、その後に新しい申請が行われたため無効になりました。最後に届いたメールに記載されたURLからお手続きください。';

const isReason = (texts: InvalidLinkTexts, reason: string | undefined): reason is LinkInvalidReason =>
  reason !== undefined && Object.prototype.hasOwnProperty.call(texts, reason);

export class CompletionLink {
  readonly token = location.hash.replace(/^#/, '');

  constructor(
    private readonly statusPath: string,
    private readonly formView: HTMLElement,
    private readonly texts: InvalidLinkTexts,
  ) {}

  /** Shows the form when the link is usable, the invalid-link view when it is not. */
  async check(): Promise<void> {
    const checking = byId('link-checking');
    if (!this.token) {
      checking.hidden = true;
      this.showInvalid('unknown');
      return;
    }
    const result = await postJson<{ status: string; email?: string }>(this.statusPath, { token: this.token });
    checking.hidden = true;
    if (result.ok) {
      if (result.data.email) {
        byId('link-email').textContent = result.data.email;
        byId('link-email-line').hidden = false;
      }
      this.formView.hidden = false;
      return;
    }
    if (result.error.code === 'LINK_INVALID') this.showInvalid(result.error.reason);
    else byId('link-check-alert').textContent = result.error.message;
  }

  showInvalid(reason: string | undefined): void {
    const known = isReason(this.texts, reason) ? reason : 'unknown';
    byId('link-invalid-message').textContent = this.texts[known];
    byId('link-invalid').dataset.reason = known;
    replaceView(this.formView, byId('link-invalid'));
  }

  /** A second completion URL pasted into this tab changes only the fragment: start over with it. */
  restartOnNewLink(): void {
    window.addEventListener('hashchange', () => location.reload());
  }
}
