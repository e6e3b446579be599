/**
 * The page a completion URL opens when the merchant sets a password with it: パスコード,
 * 新パスワード, 新パスワード(確認用). One module for both flows that do this, registration
 * (passcode.html) and forgot password (reset-password.html); they differ only in their API
 * routes, where success leads, and what an unusable link tells the merchant.
 */
import type { LinkWording } from '../../../lambdas/domain/link-wording';
import type { RouteEntry } from '../../../lambdas/routes';
import { CompletionLink } from './completion-link';
import { byId, field } from './dom';
import { FormFeedback } from './form-feedback';
import { refuseAtFields, submitForm } from './form-submit';
import { NewPasswordFields } from './new-password-fields';
import { PasscodeField } from './passcode-field';
import { showPasswordToggle } from './show-password';

export interface PasscodePasswordPage {
  /** `{ token }` → 200 pending or 410 LINK_INVALID. */
  statusRoute: RouteEntry;
  /** `{ token, passcode, newPassword, newPasswordConfirmation }`. */
  completeRoute: RouteEntry;
  /** Where the merchant goes once the password is set (the login page, with a notice). */
  successUrl: string;
  linkWording: LinkWording;
}

export function startPasscodePasswordPage(page: PasscodePasswordPage): void {
  const link = new CompletionLink(page.statusRoute, byId('passcode-view'), page.linkWording);
  const form = byId<HTMLFormElement>('passcode-form');
  const feedback = new FormFeedback(form, byId('form-alert'));
  const passcode = new PasscodeField(field(form, 'passcode'), feedback);
  const passwords = new NewPasswordFields(form, feedback);
  showPasswordToggle(byId<HTMLInputElement>('show-password'), [passwords.newPassword, passwords.confirmation]);

  function check(): boolean {
    const passcodeProblems = passcode.check();
    const problems = [...passcodeProblems, ...passwords.check()];
    return problems.length === 0 || refuseAtFields(feedback);
  }

  submitForm({
    form,
    feedback,
    route: page.completeRoute,
    check,
    body: () => ({ token: link.token, passcode: passcode.value, ...passwords.values }),
    success: page.successUrl,
    errors: {
      LINK_INVALID: (error) => link.showInvalid(error.reason),
      PASSCODE_WRONG: (error) => passcode.showWrong(error),
      PASSWORD_POLICY: (error) => passwords.showPolicyRejection(error),
    },
  });

  link.restartOnNewLink();
  void link.check();
}
