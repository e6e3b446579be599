import {
  AccountExistsError,
  ChangedMeanwhileError,
  CodeWrongError,
  CurrentPasswordWrongError,
  DomainError,
  EmailUnavailableError,
  InvalidCredentialsError,
  LastFactorError,
  LinkInvalidError,
  MailNotSentError,
  PasscodeWrongError,
  PasskeyFailedError,
  PasskeyNotFoundError,
  PasskeyNotRegisteredError,
  PasswordPolicyError,
  ProofRequiredError,
  SecondFactorSetupRequiredError,
  SecondFactorStateError,
  SecondStepExpiredError,
  SessionNotFoundError,
  SessionRequiredError,
  TooManyRequestsError,
  ValidationError,
} from '../domain/errors';
import { RequestRefusedError } from './refusals';
import { jsonHeaders } from './security-headers';

export interface ErrorAnswer {
  statusCode: number;
  body: { error: { code: string; message: string; [detail: string]: unknown } };
  /** Headers of the answer's own, such as `Allow` on a 405. */
  headers?: Readonly<Record<string, string>>;
}

/** An error answer as it leaves: JSON, the security headers, and `Retry-After` on every 503. */
export interface ErrorResponse {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}

/** Keyed by class: the error's own constructor, never its name. */
const STATUS = new Map<abstract new (...args: never[]) => Error, number>([
  [ValidationError, 400],
  [PasswordPolicyError, 400],
  [PasscodeWrongError, 400],
  [CurrentPasswordWrongError, 400],
  [CodeWrongError, 400],
  [InvalidCredentialsError, 401],
  [SessionRequiredError, 401],
  [SecondStepExpiredError, 401],
  [ProofRequiredError, 403],
  [PasskeyFailedError, 401],
  [PasskeyNotRegisteredError, 400],
  [PasskeyNotFoundError, 404],
  [SessionNotFoundError, 404],
  [LastFactorError, 409],
  [SecondFactorSetupRequiredError, 403],
  [SecondFactorStateError, 409],
  [EmailUnavailableError, 409],
  [AccountExistsError, 409],
  [ChangedMeanwhileError, 409],
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
    const answer: ErrorAnswer = { statusCode: error.statusCode, body: { error: { code: error.code, message: error.message } } };
    return Object.keys(error.headers).length > 0 ? { ...answer, headers: error.headers } : answer;
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

/** How long the merchant's browser is told to wait before trying a 503 again. */
export const RETRY_AFTER_SECONDS = 5;

export const DEPENDENCY_UNAVAILABLE_MESSAGE =
  'ただいま処理が混み合っているか、一時的に利用できない状態です。しばらく時間をおいて再度お試しください。';

/** A failing AWS dependency (./dependency-faults.ts): the merchant may simply try again. */
export const dependencyUnavailableAnswer: ErrorAnswer = {
  statusCode: 503,
  body: { error: { code: 'TEMPORARILY_UNAVAILABLE', message: DEPENDENCY_UNAVAILABLE_MESSAGE } },
};

export const internalErrorAnswer: ErrorAnswer = {
  statusCode: 500,
  body: { error: { code: 'INTERNAL', message: INTERNAL_ERROR_MESSAGE } },
};

/**
 * The one way an error answer is written, by the Lambda chain and the local server alike. A 503
 * (a failing dependency, or mail that could not be sent) always says when to try again.
 */
export function errorResponse(answer: ErrorAnswer): ErrorResponse {
  return {
    statusCode: answer.statusCode,
    headers: {
      ...jsonHeaders,
      ...(answer.statusCode === 503 ? { 'Retry-After': String(RETRY_AFTER_SECONDS) } : {}),
      ...answer.headers,
    },
    body: JSON.stringify(answer.body),
  };
}
