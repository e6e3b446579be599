/**
 * Calls to the product's API on the site's own origin, named by the handler that answers them
 * (the server's route table gives the path). Every failure comes back as the API's
 * `{ code, message }` error, so a page only ever shows messages written for the merchant: a
 * network failure or a server fault becomes one generic message and never shows internals.
 */
import { apiPath, type RouteEntry } from '../../../lambdas/routes';

export const COMMUNICATION_ERROR_MESSAGE = '通信エラーが発生しました。時間をおいて再度お試しください。';

export interface ApiError {
  code: string;
  message: string;
  /** VALIDATION: message per request field. */
  fields?: Record<string, string>;
  /** PASSWORD_POLICY: every rule the new password breaks. */
  violations?: { rule: string; message: string }[];
  /** PASSCODE_WRONG: tries left before the request is voided. */
  remainingAttempts?: number;
  /** LINK_INVALID: expired, used, replaced, voided or unknown. */
  reason?: string;
}

export type ApiResult<T> = { ok: true; status: number; data: T } | { ok: false; status: number; error: ApiError };

const communicationError = (status: number): ApiResult<never> => ({
  ok: false,
  status,
  error: { code: 'COMMUNICATION', message: COMMUNICATION_ERROR_MESSAGE },
});

function isApiErrorBody(body: unknown): body is { error: ApiError } {
  const error = (body as { error?: Partial<ApiError> } | null)?.error;
  return typeof error?.code === 'string' && typeof error.message === 'string';
}

async function request<T>(path: string, init: RequestInit): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetch(path, { ...init, credentials: 'same-origin', cache: 'no-store' });
  } catch {
    return communicationError(0);
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (response.ok) return { ok: true, status: response.status, data: body as T };
  // A 5xx message (or a proxy's HTML page) is not written for merchants.
  if (response.status >= 500 || !isApiErrorBody(body)) return communicationError(response.status);
  return { ok: false, status: response.status, error: body.error };
}

export function postJson<T = { ok: true }>(route: RouteEntry, body: unknown): Promise<ApiResult<T>> {
  return request<T>(apiPath(route), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(body),
  });
}

export function getJson<T>(route: RouteEntry): Promise<ApiResult<T>> {
  return request<T>(apiPath(route), { method: 'GET', headers: { Accept: 'application/json' } });
}
