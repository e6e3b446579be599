/** A request refused before any use case runs: wrong content type or a foreign origin. */
export class RequestRefusedError extends Error {
  constructor(
    readonly statusCode: 403 | 404 | 415,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'RequestRefusedError';
  }
}
