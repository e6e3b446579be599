/**
 * 新パスワード and 新パスワード(確認用) with the live checklist, as every page that sets a
 * password has them (パスコード入力, パスワード再設定, パスワード変更): the browser's checks
 * before sending, and the server's verdict (PASSWORD_POLICY) afterwards.
 */
import type { ApiError } from './api';
import { byId, field } from './dom';
import type { FormFeedback } from './form-feedback';
import { PasswordChecklist, type ChecklistOptions } from './password-checklist';
import { requiredMessage } from './validation';

export const POLICY_SUMMARY = '新パスワードが条件を満たしていません。';

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
   * Marks what the browser can already tell is wrong, field by field. Returns every problem
   * and whether the password itself (not only an empty field) breaks the policy.
   */
  check(): { problems: string[]; policyFailed: boolean } {
    const problems: string[] = [];
    const fail = (name: string, messages: string[]) => {
      this.feedback.showFieldError(name, messages);
      problems.push(...messages);
    };
    const failing = this.refresh();
    const policyMessages = failing.filter((r) => r.rule !== 'confirmation').map((r) => r.message);
    if (!this.newPassword.value) fail('newPassword', [requiredMessage('新パスワード')]);
    else if (policyMessages.length > 0) fail('newPassword', policyMessages);

    const mismatch = failing.find((r) => r.rule === 'confirmation');
    if (!this.confirmation.value) fail('newPasswordConfirmation', [requiredMessage('新パスワード(確認用)')]);
    else if (mismatch) fail('newPasswordConfirmation', [mismatch.message]);

    return { problems, policyFailed: this.newPassword.value !== '' && policyMessages.length > 0 };
  }

  /** The server's PASSWORD_POLICY answer: each broken rule listed, marked in the checklist. */
  showPolicyRejection(error: ApiError): void {
    const violations = error.violations ?? [];
    // The server's message repeats the violations; the list says them one by one.
    this.feedback.showAlert(
      POLICY_SUMMARY,
      violations.map((v) => v.message),
    );
    this.checklist.markRejected(
      violations.map((v) => v.rule),
      this.newPassword.value,
      this.confirmation.value,
    );
    const onConfirmation = violations.length > 0 && violations.every((v) => v.rule === 'confirmation');
    this.feedback.markInvalid(onConfirmation ? 'newPasswordConfirmation' : 'newPassword');
    this.feedback.focusFirstInvalid();
  }

  private refresh() {
    return this.checklist.update(this.newPassword.value, this.confirmation.value);
  }
}
