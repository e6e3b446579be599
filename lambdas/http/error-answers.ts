import {
  AccountExistsError,
  CurrentPasswordWrongError,
  DomainError,
  EmailUnavailableError,
  InvalidCredentialsError,
  LinkInvalidError,
  MailNotSentError,
  PasscodeWrongError,
  PasswordPolicyError,
  SessionRequiredError,
  TooManyRequestsError,
  ValidationError,
} from '../domain/errors';
import { RequestRefusedError } from './refusals';

export interface ErrorAnswer {
  statusCode: number;
  body: { error: { code: string; message: string; [detail: string]: unknown } };
}

/** Keyed by class: the error's own constructor, never its name. */
const STATUS = new Map<abstract new (...args: never[]) => Error, number>([
  [ValidationError, 400],
  [PasswordPolicyError, 400],
  [PasscodeWrongError, 400],
  [CurrentPasswordWrongError, 400],
  [InvalidCredentialsError, 401],
  [SessionRequiredError, 401],
  [EmailUnavailableError, 409],
  [AccountExistsError, 409],
  [LinkInvalidError, 410],
  [TooManyRequestsError, 429],
  [MailNotSentError, 503],
]);

export const INTERNAL_ERROR_MESSAGE = 'システムエラーが発生しました。時間をおいて再度お試しください。';

/**
 * The one mapping from errors to what the merchant sees. Domain errors carry their own Japanese
 * message and the details the page needs; anything else is a fault the merchant cannot fix, so
 * it gets a generic message and the details go to the log only.
 */
export function answerFor(error: unknown): ErrorAnswer | undefined {
  if (error instanceof RequestRefusedError) {
    return { statusCode: error.statusCode, body: { error: { code: error.code, message: error.message } } };
  }
  if (!(error instanceof DomainError)) return undefined;
  const details =
    error instanceof ValidationError
      ? { fields: error.fields }
      : error instanceof PasswordPolicyError
        ? { violations: error.violations }
        : error instanceof PasscodeWrongError
          ? { remainingAttempts: error.remainingAttempts }
          : error instanceof LinkInvalidError
            ? { reason: error.reason }
            : {};
  return {
    statusCode: STATUS.get(error.constructor as abstract new (...args: never[]) => Error) ?? 400,
    body: { error: { code: error.code, message: error.message, ...details } },
  };
}

export const internalErrorAnswer: ErrorAnswer = {
  statusCode: 500,
  body: { error: { code: 'INTERNAL', message: INTERNAL_ERROR_MESSAGE } },
};
