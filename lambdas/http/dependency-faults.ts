const THROTTLING_NAMES = new Set([
  'ThrottlingException',
  'Throttling',
  'ThrottledException',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'TooManyRequestsException',
  'SlowDown',
]);

const TIMEOUT_NAMES = new Set(['TimeoutError', 'RequestTimeout', 'RequestTimeoutException', 'AbortError']);

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
]);

interface FaultShape {
  name?: unknown;
  code?: unknown;
  $fault?: unknown;
  $metadata?: { httpStatusCode?: unknown };
  $retryable?: { throttling?: unknown };
  cause?: unknown;
}

function isFault(error: FaultShape): boolean {
  const status = error.$metadata?.httpStatusCode;
  if (typeof status === 'number' && status >= 500) return true;
  if (error.$fault === 'server') return true;
  if (error.$retryable?.throttling === true) return true;
  if (typeof error.name === 'string' && (THROTTLING_NAMES.has(error.name) || TIMEOUT_NAMES.has(error.name))) return true;
  return typeof error.code === 'string' && NETWORK_CODES.has(error.code);
}

/**
 * Whether this error (or one it wraps as `cause`) says an AWS dependency — DynamoDB, Cognito, SES,
 * Secrets Manager — is failing for now: a 5xx or server fault, throttling, a timeout or a network
 * error. Read from the error's shape, as the SDK builds it, so no SDK is imported here. A client
 * fault (4xx: a bug or a refused call) is not one of them.
 */
export function isDependencyFault(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth++) {
    if (isFault(current as FaultShape)) return true;
    current = (current as FaultShape).cause;
  }
  return false;
}

/** What a log line may say about a fault: its name, message and code, never its stack. */
export function faultSummary(error: unknown): Record<string, unknown> {
  if (typeof error !== 'object' || error === null) return { errorMessage: String(error) };
  const shape = error as FaultShape & { message?: unknown };
  const cause = shape.cause as (FaultShape & { message?: unknown }) | undefined;
  return {
    errorName: shape.name,
    errorMessage: shape.message,
    errorCode: shape.code,
    httpStatusCode: shape.$metadata?.httpStatusCode,
    causeName: cause?.name,
    causeMessage: cause?.message,
  };
}
