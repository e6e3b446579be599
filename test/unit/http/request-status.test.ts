import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { hashToken } from '../../../lambdas/domain/completion-token';
import type { Account, PendingRequest } from '../../../lambdas/domain/model';
import { logger, type ZoneHandler } from '../../../lambdas/composition/route-handler';
import { apiPath } from '../../../lambdas/routes';

// The audit trail writes through the handlers' logger: the test reads what it was given.
const auditLines = jest.spyOn(logger, 'info').mockImplementation(() => undefined);
const ENTRY = { registration: 'registration-status', passwordReset: 'password-reset-status', emailChange: 'email-change-status' } as const;
type Kind = keyof typeof ENTRY;

const SITE_URL = 'https://support.example.jp';
const ENV = {
  STAGE: 'test',
  SITE_URL,
  MAIL_FROM_ADDRESS: 'no-reply@example.jp',
  SUPPORT_CONTACT_EMAIL: 'support@example.jp',
  ACCOUNTS_TABLE: 'accounts-test',
  REQUESTS_TABLE: 'requests-test',
  SESSIONS_TABLE: 'sessions-test',
  LIMITS_TABLE: 'limits-test',
  FACTORS_TABLE: 'factors-test',
  STEPS_TABLE: 'steps-test',
  USER_POOL_ID: 'ap-northeast-1_pool',
  USER_POOL_CLIENT_ID: 'client',
  PASSCODE_KEY: 'k'.repeat(32),
  AWS_REGION: 'ap-northeast-1',
};

const TOKEN = 'A'.repeat(43);
const db = mockClient(DynamoDBDocumentClient);

const request: PendingRequest = {
  tokenHash: hashToken(TOKEN),
  kind: 'passwordReset',
  loginId: 'M20250401',
  email: 'hanako@example.com',
  passcodeHash: 'passcode-hash',
  wrongPasscodes: 0,
  status: 'pending',
  createdAt: '2025-04-01T09:00:00.000Z',
  expiresAt: '2999-04-02T09:00:00.000Z',
};
const account: Account = {
  loginId: 'M20250401',
  status: 'registered',
  email: 'hanako@example.com',
  pendingResetTokenHash: hashToken(TOKEN),
  passwordHistory: [],
  createdAt: '2025-03-01T00:00:00.000Z',
};

function event(body: unknown, kind: Kind): APIGatewayProxyEventV2 {
  const path = apiPath(ENTRY[kind]);
  return {
    version: '2.0',
    routeKey: `POST ${path}`,
    rawPath: path,
    rawQueryString: '',
    headers: { 'content-type': 'application/json', origin: SITE_URL },
    requestContext: {
      accountId: '123456789012',
      apiId: 'api',
      domainName: 'support.example.jp',
      domainPrefix: 'support',
      http: { method: 'POST', path, protocol: 'HTTP/1.1', sourceIp: '203.0.113.7', userAgent: 'Chrome' },
      requestId: 'req-1',
      routeKey: `POST ${path}`,
      stage: '$default',
      time: '01/Apr/2025:09:00:00 +0000',
      timeEpoch: 1743498000000,
    },
    body: JSON.stringify(body),
    isBase64Encoded: false,
  };
}

const saved = { ...process.env };

describe('requestStatusRoute (a completion page opens)', () => {
  let invoke: (body: unknown, kind?: Kind) => Promise<APIGatewayProxyStructuredResultV2>;

  beforeAll(() => {
    Object.assign(process.env, ENV);
    // The sign-in function serves the three status routes; loaded once its environment is set.
    const signIn: ZoneHandler = require('../../../lambdas/functions/sign-in').handler;
    invoke = (body, kind = 'passwordReset') => signIn(event(body, kind), {} as Context);
  });

  afterAll(() => {
    process.env = saved;
  });

  beforeEach(() => {
    db.reset();
    auditLines.mockClear();
    db.on(GetCommand, { TableName: 'requests-test' }).resolves({ Item: request });
    db.on(GetCommand, { TableName: 'accounts-test' }).resolves({ Item: account });
  });

  it('answers "pending" with the address masked for a usable link', async () => {
    // Act
    const result = await invoke({ token: TOKEN });

    // Assess
    expect(result.statusCode).toBe(200);
    expect(JSON.parse(result.body!)).toEqual({ status: 'pending', email: 'h***@example.com' });
    expect(result.body).not.toContain('hanako@');
  });

  it('answers 410 with the reason for a link of another kind', async () => {
    // Act
    const result = await invoke({ token: TOKEN }, 'emailChange');

    // Assess
    expect(result.statusCode).toBe(410);
    expect(JSON.parse(result.body!).error).toMatchObject({ code: 'LINK_INVALID', reason: 'unknown' });
    expect(auditLines).toHaveBeenCalledWith(
      'email-change.link-refused',
      expect.objectContaining({ audit: true, event: 'email-change.link-refused', reason: 'unknown' }),
    );
  });

  it('answers 410 "replaced" once a newer request was made', async () => {
    // Prepare
    db.on(GetCommand, { TableName: 'accounts-test' }).resolves({ Item: { ...account, pendingResetTokenHash: 'newer' } });

    // Act
    const result = await invoke({ token: TOKEN });

    // Assess
    expect(result.statusCode).toBe(410);
    expect(JSON.parse(result.body!).error.reason).toBe('replaced');
  });

  it('answers 400 for a body without a token, asking nothing of the tables', async () => {
    // Act
    const result = await invoke({});

    // Assess
    expect(result.statusCode).toBe(400);
    expect(db.commandCalls(GetCommand)).toHaveLength(0);
  });
});
