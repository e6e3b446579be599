/**
 * 現在のパスワード on a signed-in form (パスワード変更, メールアドレス変更): required on the page,
 * judged by the server, where a wrong one counts towards the login lock.
 */
import type { ApiError } from './api';
import type { FormFeedback } from './form-feedback';
import { INPUT_PROBLEM_SUMMARY, requiredMessage } from './validation';

export const CURRENT_PASSWORD_LABEL = '現在のパスワード';

/** The problem shown under an empty field (and returned for the summary), or undefined. */
export function currentPasswordProblem(input: HTMLInputElement, feedback: FormFeedback): string | undefined {
  if (input.value) return undefined;
  const message = requiredMessage(CURRENT_PASSWORD_LABEL);
  feedback.showFieldError(input.name, message);
  return message;
}

/** The answer to CURRENT_PASSWORD_WRONG: the message under the field, which is selected for typing again. */
export function answerWrongCurrentPassword(input: HTMLInputElement, feedback: FormFeedback): (error: ApiError) => void {
  return (error) => {
    feedback.showAlert(INPUT_PROBLEM_SUMMARY);
    feedback.showFieldError(input.name, error.message);
    input.select();
    input.focus();
  };
}
