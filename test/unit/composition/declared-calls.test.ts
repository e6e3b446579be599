import { isDeclared, type Call, type CallTargets } from '../../../lambdas/composition/declared-calls';
import { handlerNeeds, opsNeeds, type Needs } from '../../../lambdas/composition/needs';

const TARGETS: CallTargets = {
  tables: { accounts: 'acc', requests: 'req', sessions: 'ses', limits: 'lim', factors: 'fac', steps: 'ste' },
  passcodeKeyArn: 'arn:passcode',
  letterKeyArn: 'arn:letter',
  originVerifyArn: 'arn:origin',
};
const dynamodb = (action: string, TableName: string): Call => ({ service: 'dynamodb', action, input: { TableName } });
const secret = (SecretId: string): Call => ({ service: 'secretsmanager', action: 'GetSecretValue', input: { SecretId } });

describe('isDeclared: the calls a handler may make, as its IAM role allows them', () => {
  it('allows reads on a read table and refuses its writes', () => {
    const needs: Needs = { tables: { accounts: 'read' } };
    expect(isDeclared(dynamodb('GetItem', 'acc'), needs, TARGETS)).toBe(true);
    expect(isDeclared(dynamodb('Query', 'acc'), needs, TARGETS)).toBe(true);
    expect(isDeclared(dynamodb('UpdateItem', 'acc'), needs, TARGETS)).toBe(false);
    expect(isDeclared(dynamodb('PutItem', 'acc'), needs, TARGETS)).toBe(false);
  });

  it('refuses every call on a table the needs do not name, and Scan to every handler', () => {
    expect(isDeclared(dynamodb('GetItem', 'ses'), { tables: { accounts: 'readWrite' } }, TARGETS)).toBe(false);
    expect(isDeclared(dynamodb('GetItem', 'some-other-table'), { tables: { accounts: 'readWrite' } }, TARGETS)).toBe(false);
    for (const [entry, needs] of Object.entries(handlerNeeds)) {
      expect([entry, isDeclared(dynamodb('Scan', 'acc'), needs, TARGETS)]).toEqual([entry, false]);
    }
    expect(isDeclared(dynamodb('Scan', 'acc'), opsNeeds, TARGETS)).toBe(true);
  });

  it('allows only the listed Cognito actions', () => {
    const call = (action: string): Call => ({ service: 'cognito-idp', action, input: { UserPoolId: 'pool' } });
    expect(isDeclared(call('AdminInitiateAuth'), handlerNeeds.login, TARGETS)).toBe(true);
    expect(isDeclared(call('AdminSetUserPassword'), handlerNeeds.login, TARGETS)).toBe(false);
    expect(isDeclared(call('AdminDeleteUser'), opsNeeds, TARGETS)).toBe(true);
  });

  it('allows mail only where declared', () => {
    const send: Call = { service: 'ses', action: 'SendEmail', input: {} };
    expect(isDeclared(send, handlerNeeds['password-reset'], TARGETS)).toBe(true);
    expect(isDeclared(send, handlerNeeds.me, TARGETS)).toBe(false);
  });

  it('lets every handler read the origin secret, and the keys only where declared', () => {
    expect(isDeclared(secret('arn:origin'), handlerNeeds.me, TARGETS)).toBe(true);
    expect(isDeclared(secret('arn:passcode'), handlerNeeds.me, TARGETS)).toBe(false);
    expect(isDeclared(secret('arn:passcode'), handlerNeeds['first-login'], TARGETS)).toBe(true);
    expect(isDeclared(secret('arn:letter'), handlerNeeds['first-login'], TARGETS)).toBe(false);
    expect(isDeclared(secret('arn:letter'), opsNeeds, TARGETS)).toBe(true);
  });
});
