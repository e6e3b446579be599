/** The パスコード field of every page opened from an email: its checks and the wrong-passcode answer. */
import type { ApiError } from './api';
import type { FormFeedback } from './form-feedback';
import { isPasscode, normalizePasscode, PASSCODE_FORMAT_MESSAGE, requiredMessage } from './validation';

export class PasscodeField {
  constructor(
    private readonly input: HTMLInputElement,
    private readonly feedback: FormFeedback,
  ) {}

  /** The six digits as the server wants them (full-width digits accepted). */
  get value(): string {
    return normalizePasscode(this.input.value);
  }

  /** Marks the field when it is empty or not six digits; returns its problems. */
  check(): string[] {
    const code = this.value;
    const problem = !code ? requiredMessage('パスコード') : isPasscode(code) ? undefined : PASSCODE_FORMAT_MESSAGE;
    if (!problem) return [];
    this.feedback.showFieldError(this.input.name, problem);
    return [problem];
  }

  /** PASSCODE_WRONG: the server's message says how many tries are left; the digits are selected to retype. */
  showWrong(error: ApiError): void {
    this.feedback.showAlert(error.message);
    this.feedback.markInvalid(this.input.name);
    this.input.select();
    this.input.focus();
  }
}
