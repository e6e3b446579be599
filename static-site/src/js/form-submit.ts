/**
 * What every form does when the merchant sends it: clear the old messages, check what the browser
 * can already tell, send it once (the buttons wait for the answer), then show the answer. A page
 * says only its fields, its API route, where success leads and how it answers its own errors;
 * any other refusal shows the API's message and each field's message under its field.
 */
import type { RouteEntry } from '../../../lambdas/routes';
import { postJson, type ApiError } from './api';
import { type FormFeedback, setSubmitting, showFieldErrors } from './form-feedback';
import { leftForLogin } from './session-exit';
import { FIX_FIELDS_SUMMARY } from './validation';

export interface FormSubmit<T> {
  form: HTMLFormElement;
  feedback: FormFeedback;
  route: RouteEntry;
  /** Shows what is wrong before anything is sent; true when the form can be sent. */
  check?: () => boolean;
  /** The request body, read once the form passed its check. */
  body: () => unknown;
  /** A page to go to (the form stays busy until it is left), or what to show on this one. */
  success: string | ((data: T) => void);
  /** The page's own answer to particular error codes. */
  errors?: Partial<Record<string, (error: ApiError) => void>>;
  /** The answer to any other error, when the page does not want the usual one (showRefusal). */
  otherwise?: (error: ApiError) => void;
  /** With the usual answer: where focus goes when no field is marked. */
  focusOnError?: HTMLElement;
  /** A signed-in page: an answer saying the session is gone leads to the login page. */
  signedIn?: boolean;
}

export function submitForm<T = { ok: true }>(submit: FormSubmit<T>): void {
  const { form, feedback } = submit;
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    feedback.clear();
    if (submit.check && !submit.check()) return;

    setSubmitting(form, true);
    const result = await postJson<T>(submit.route, submit.body());
    if (submit.signedIn && leftForLogin(result)) return;
    if (result.ok && typeof submit.success === 'string') {
      location.href = submit.success;
      return;
    }
    setSubmitting(form, false);
    if (result.ok) {
      (submit.success as (data: T) => void)(result.data);
      return;
    }
    const ownAnswer = submit.errors?.[result.error.code];
    if (ownAnswer) ownAnswer(result.error);
    else if (submit.otherwise) submit.otherwise(result.error);
    else showRefusal(form, feedback, result.error, submit.focusOnError);
  });
}

/** The API's message in the alert, each field's under the field, focus on the first one marked. */
export function showRefusal(form: HTMLFormElement, feedback: FormFeedback, error: ApiError, focusOnError?: HTMLElement): void {
  showFieldErrors(form, feedback, error);
  feedback.showAlert(error.message);
  if (form.querySelector('[aria-invalid="true"]')) feedback.focusFirstInvalid();
  else focusOnError?.focus();
}

/** Ends a failed check: the summary (and the problems) in the alert, focus on the first field marked. */
export function refuse(feedback: FormFeedback, summary: string, problems: string[] = []): false {
  feedback.showAlert(summary, problems);
  feedback.focusFirstInvalid();
  return false;
}

/** Ends a failed check of a form whose fields explain themselves: the alert points to them, focus on the first. */
export function refuseAtFields(feedback: FormFeedback): false {
  feedback.pointToInvalidFields(FIX_FIELDS_SUMMARY);
  feedback.focusFirstInvalid();
  return false;
}
