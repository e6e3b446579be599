/**
 * 新パスワード and 新パスワード(確認用) with the live checklist, as every page that sets a
 * password has them (パスコード入力, パスワード再設定, パスワード変更): the browser's checks
 * before sending, and the server's verdict (PASSWORD_POLICY) afterwards.
 */
import type { ApiError } from './api';
import { byId, field } from './dom';
import type { FormFeedback } from './form-feedback';
import { PasswordChecklist, type ChecklistOptions } from './password-checklist';
import { FIX_FIELDS_SUMMARY, requiredMessage } from './validation';

/** Under 新パスワード: which rules fail, the checklist right below says (in red). */
export const POLICY_FIELD_MESSAGE = '条件を満たしていません。下の赤字の条件をご確認ください。';

export class NewPasswordFields {
  readonly newPassword: HTMLInputElement;
  readonly confirmation: HTMLInputElement;
  private readonly checklist: PasswordChecklist;

  constructor(
    form: HTMLFormElement,
    private readonly feedback: FormFeedback,
    options: ChecklistOptions = {},
  ) {
    this.newPassword = field(form, 'newPassword');
    this.confirmation = field(form, 'newPasswordConfirmation');
    this.checklist = new PasswordChecklist(byId('password-rules'), byId('password-server-rules'), options);
    this.newPassword.addEventListener('input', () => {
      this.checklist.forgetServerVerdict();
      this.refresh();
    });
    this.confirmation.addEventListener('input', () => this.refresh());
    this.refresh();
  }

  get values(): { newPassword: string; newPasswordConfirmation: string } {
    return { newPassword: this.newPassword.value, newPasswordConfirmation: this.confirmation.value };
  }

  setPersonalData(context: { email?: string; loginId?: string }): void {
    this.checklist.setPersonalData(context);
    this.refresh();
  }

  /**
   * Marks what the browser can already tell is wrong, field by field: one short line under the
   * field, the rules themselves marked red in the checklist right below it (never listed again).
   * Returns every problem found.
   */
  check(): string[] {
    const problems: string[] = [];
    const fail = (name: string, message: string) => {
      this.feedback.showFieldError(name, message);
      problems.push(message);
    };
    const failing = this.refresh();
    const policyFailed = failing.some((r) => r.rule !== 'confirmation');
    this.checklist.showAttempt();
    if (!this.newPassword.value) fail('newPassword', requiredMessage('新パスワード'));
    else if (policyFailed) fail('newPassword', POLICY_FIELD_MESSAGE);

    const mismatch = failing.find((r) => r.rule === 'confirmation');
    if (!this.confirmation.value) fail('newPasswordConfirmation', requiredMessage('新パスワード(確認用)'));
    else if (mismatch) fail('newPasswordConfirmation', mismatch.message);

    return problems;
  }

  /** The server's PASSWORD_POLICY answer: each broken rule marked in the checklist, the field's one line, the alert pointing there. */
  showPolicyRejection(error: ApiError): void {
    const violations = error.violations ?? [];
    this.checklist.markRejected(
      violations.map((v) => v.rule),
      this.newPassword.value,
      this.confirmation.value,
    );
    const onConfirmation = violations.length > 0 && violations.every((v) => v.rule === 'confirmation');
    if (onConfirmation) this.feedback.showFieldError('newPasswordConfirmation', violations[0]!.message);
    else this.feedback.showFieldError('newPassword', POLICY_FIELD_MESSAGE);
    this.feedback.pointToInvalidFields(FIX_FIELDS_SUMMARY);
    this.feedback.focusFirstInvalid();
  }

  private refresh() {
    return this.checklist.update(this.newPassword.value, this.confirmation.value);
  }
}
