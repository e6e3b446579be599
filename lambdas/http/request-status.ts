import { maskEmail } from '../domain/mask-email';
import type { RequestKind } from '../domain/model';
import { openRequest, type OpenRequestDeps } from '../domain/use-cases/shared/open-request';
import { requestBody, tokenField } from './fields';

/** A completion page opens: is its URL still usable? The same route for every kind of request. */
export function requestStatusRoute(kind: RequestKind) {
  return {
    body: requestBody({ token: tokenField }),
    run: async ({ body }: { body: { token: string } }, deps: OpenRequestDeps) => {
      const { request } = await openRequest(kind, body.token, deps);
      return { body: { status: 'pending', email: maskEmail(request.email) } };
    },
  };
}
