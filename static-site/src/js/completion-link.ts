/**
 * The pages a completion URL opens (registration, password reset, email change). The token
 * rides in the URL fragment (never sent to a server log); the page asks the server whether it
 * is still usable before the merchant types anything, and when it is not, says what to do next
 * for the reason the server gives, in the words of the flow it belongs to (link-wording.ts).
 *
 * The page has: #link-checking (shown while asking), #link-check-alert, the form's view (hidden
 * until the link is known to be good), #link-email-line / #link-email (the masked address the
 * request is for) and #link-invalid with #link-invalid-message.
 */
import { linkProblemOf, type LinkWording } from '../../../lambdas/domain/link-wording';
import type { RouteEntry } from '../../../lambdas/routes';
import { postJson } from './api';
import { byId, replaceView } from './dom';

export class CompletionLink {
  readonly token = location.hash.replace(/^#/, '');

  constructor(
    private readonly statusRoute: RouteEntry,
    private readonly formView: HTMLElement,
    private readonly wording: LinkWording,
  ) {}

  /** Shows the form when the link is usable, the invalid-link view when it is not. */
  async check(): Promise<void> {
    const checking = byId('link-checking');
    if (!this.token) {
      checking.hidden = true;
      this.showInvalid('unknown');
      return;
    }
    const result = await postJson<{ status: string; email?: string }>(this.statusRoute, { token: this.token });
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
    const known = linkProblemOf(reason);
    byId('link-invalid-message').textContent = this.wording[known];
    byId('link-invalid').dataset.reason = known;
    replaceView(this.formView, byId('link-invalid'));
  }

  /** A second completion URL pasted into this tab changes only the fragment: start over with it. */
  restartOnNewLink(): void {
    window.addEventListener('hashchange', () => location.reload());
  }
}
