import { InternalErrorException, NotAuthorizedException, TooManyRequestsException } from '@aws-sdk/client-cognito-identity-provider';
import {
  ConditionalCheckFailedException,
  InternalServerError,
  ProvisionedThroughputExceededException,
  RequestLimitExceeded,
} from '@aws-sdk/client-dynamodb';
import { DecryptionFailure, InternalServiceError } from '@aws-sdk/client-secrets-manager';
import { TooManyRequestsException as SesTooManyRequests } from '@aws-sdk/client-sesv2';
import { faultSummary, isDependencyFault } from '../../../lambdas/http/dependency-faults';

const meta = (httpStatusCode?: number) => ({ message: 'x', $metadata: { httpStatusCode } });
const withCode = (code: string) => Object.assign(new Error(`connect ${code} 127.0.0.1:8000`), { code });
const named = (name: string) => Object.assign(new Error(name), { name });

describe('isDependencyFault', () => {
  it.each([
    ['DynamoDB InternalServerError (server fault)', new InternalServerError(meta(500))],
    ['DynamoDB throttling', new ProvisionedThroughputExceededException(meta(400))],
    ['DynamoDB request limit', new RequestLimitExceeded(meta(400))],
    ['Cognito internal error', new InternalErrorException(meta(500))],
    ['Cognito throttling', new TooManyRequestsException(meta(400))],
    ['SES throttling', new SesTooManyRequests(meta(429))],
    ['Secrets Manager internal error', new InternalServiceError(meta(500))],
    ['any 503 by its status alone', Object.assign(new Error('Service Unavailable'), { $metadata: { httpStatusCode: 503 } })],
    ['a server fault by its $fault alone', Object.assign(new Error('?'), { $fault: 'server', $metadata: {} })],
    ['ThrottlingException by name', named('ThrottlingException')],
    ['the SDK retry marker for throttling', Object.assign(new Error('slow down'), { $retryable: { throttling: true } })],
    ['a timeout', named('TimeoutError')],
    ['a refused connection', withCode('ECONNREFUSED')],
    ['a reset connection', withCode('ECONNRESET')],
    ['an unresolvable host', withCode('ENOTFOUND')],
    ['a fault wrapped as the cause of another error', new Error('reading the secret failed', { cause: withCode('ETIMEDOUT') })],
  ])('recognises %s', (_label, error) => {
    expect(isDependencyFault(error)).toBe(true);
  });

  it.each([
    ['a plain bug', new Error('DynamoDB table not found: accounts-prod')],
    ['a TypeError', new TypeError("Cannot read properties of undefined (reading 'x')")],
    ['a client fault the product must handle itself', new ConditionalCheckFailedException(meta(400))],
    ['a refused Cognito call', new NotAuthorizedException(meta(400))],
    ['a Secrets Manager client fault', new DecryptionFailure(meta(400))],
    ['a 4xx status', Object.assign(new Error('bad'), { $metadata: { httpStatusCode: 400 } })],
    ['a thrown string', 'ECONNREFUSED'],
    ['undefined', undefined],
    ['null', null],
  ])('does not count %s', (_label, error) => {
    expect(isDependencyFault(error)).toBe(false);
  });

  it('stops on a cause that loops', () => {
    const error = new Error('a') as Error & { cause?: unknown };
    error.cause = error;
    expect(isDependencyFault(error)).toBe(false);
  });
});

describe('faultSummary', () => {
  it('names the error and its cause, never the stack', () => {
    const summary = faultSummary(new Error('sending failed', { cause: withCode('ECONNRESET') }));
    expect(summary).toMatchObject({
      errorName: 'Error',
      errorMessage: 'sending failed',
      causeMessage: 'connect ECONNRESET 127.0.0.1:8000',
    });
    expect(JSON.stringify(summary)).not.toMatch(/\bat |\.ts:/);
  });

  it('keeps the SDK status code', () => {
    expect(faultSummary(new InternalServerError(meta(500)))).toMatchObject({ errorName: 'InternalServerError', httpStatusCode: 500 });
  });
});
