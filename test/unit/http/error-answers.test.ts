import {
  AccountExistsError,
  ChangedMeanwhileError,
  EmailUnavailableError,
  InvalidCredentialsError,
  LinkInvalidError,
  MailNotSentError,
  PasscodeWrongError,
  PasswordPolicyError,
  ProofRequiredError,
  SessionRequiredError,
  ValidationError,
} from '../../../lambdas/domain/errors';
import { answerFor, INTERNAL_ERROR_MESSAGE, internalErrorAnswer } from '../../../lambdas/http/error-answers';
import { RequestRefusedError } from '../../../lambdas/http/refusals';

describe('error answers', () => {
  it.each([
    [
      'ValidationError',
      new ValidationError({ email: 'メールアドレスを入力してください。' }),
      400,
      { code: 'VALIDATION', message: '入力内容に誤りがあります。', fields: { email: 'メールアドレスを入力してください。' } },
    ],
    [
      'PasswordPolicyError',
      new PasswordPolicyError([{ rule: 'history', message: '過去4つ前までに使用したパスワードは登録できません。' }]),
      400,
      {
        code: 'PASSWORD_POLICY',
        message: '過去4つ前までに使用したパスワードは登録できません。',
        violations: [{ rule: 'history', message: '過去4つ前までに使用したパスワードは登録できません。' }],
      },
    ],
    [
      'ProofRequiredError',
      new ProofRequiredError(),
      403,
      { code: 'PROOF_REQUIRED', message: 'この操作を続けるには、本人確認のため、もう一度パスワードを入力してください。' },
    ],
    [
      'PasscodeWrongError',
      new PasscodeWrongError(3),
      400,
      {
        code: 'PASSCODE_WRONG',
        message: 'パスコードが正しくありません。あと3回間違えると、この申請は無効になります。',
        remainingAttempts: 3,
      },
    ],
    [
      'InvalidCredentialsError',
      new InvalidCredentialsError('wrong initial password'),
      401,
      { code: 'INVALID_CREDENTIALS', message: 'ログインIDまたはパスワードが正しくありません。' },
    ],
    ['SessionRequiredError', new SessionRequiredError('expired'), 401, { code: 'SESSION_REQUIRED', message: 'ログインしてください。' }],
    [
      'EmailUnavailableError',
      new EmailUnavailableError(),
      409,
      { code: 'EMAIL_UNAVAILABLE', message: 'このメールアドレスは登録できません。別のメールアドレスを入力してください。' },
    ],
    [
      'AccountExistsError',
      new AccountExistsError('M20250401'),
      409,
      { code: 'ACCOUNT_EXISTS', message: 'ログインID M20250401 はすでに存在します。' },
    ],
    [
      'ChangedMeanwhileError',
      new ChangedMeanwhileError(),
      409,
      { code: 'CHANGED_MEANWHILE', message: '別の画面でパスワードが変更されました。現在のパスワードを確かめて、もう一度お試しください。' },
    ],
    [
      'LinkInvalidError',
      new LinkInvalidError('expired'),
      410,
      { code: 'LINK_INVALID', message: 'このURLは有効期限が切れています。お手数ですが、再度申請を行ってください。', reason: 'expired' },
    ],
    [
      'MailNotSentError',
      new MailNotSentError(new Error('SES says no')),
      503,
      { code: 'MAIL_NOT_SENT', message: 'メールを送信できませんでした。時間をおいて再度お試しください。' },
    ],
  ])('answers %s with its status and body', (_name, error, statusCode, body) => {
    // Act
    const answer = answerFor(error);

    // Assess
    expect(answer).toEqual({ statusCode, body: { error: body } });
  });

  it('never tells why credentials were refused', () => {
    // Act
    const answer = answerFor(new InvalidCredentialsError('initial password expired'));

    // Assess
    expect(JSON.stringify(answer)).not.toContain('expired');
  });

  it('does not show the cause of a mail failure', () => {
    expect(JSON.stringify(answerFor(new MailNotSentError(new Error('arn:aws:ses:secret-detail'))))).not.toContain('arn:aws');
  });

  it.each([
    [415, 'UNSUPPORTED_MEDIA_TYPE'],
    [403, 'FOREIGN_ORIGIN'],
  ] as const)('answers a refused request with its own status %i', (statusCode, code) => {
    expect(answerFor(new RequestRefusedError(statusCode, code, 'この操作は受け付けられません。'))).toEqual({
      statusCode,
      body: { error: { code, message: 'この操作は受け付けられません。' } },
    });
  });

  it.each([
    ['a plain Error', new Error('DynamoDB table not found: accounts-prod')],
    ['a TypeError', new TypeError("Cannot read properties of undefined (reading 'x')")],
    [
      'an error that only looks like a domain error',
      Object.assign(new Error('x'), { name: 'InvalidCredentialsError', code: 'INVALID_CREDENTIALS' }),
    ],
    ['a thrown string', 'boom'],
    ['undefined', undefined],
  ])('answers undefined for %s, which is an internal fault', (_label, error) => {
    expect(answerFor(error)).toBeUndefined();
  });

  it('has a generic Japanese 500 for internal faults', () => {
    expect(internalErrorAnswer).toEqual({ statusCode: 500, body: { error: { code: 'INTERNAL', message: INTERNAL_ERROR_MESSAGE } } });
    expect(INTERNAL_ERROR_MESSAGE).toBe('システムエラーが発生しました。時間をおいて再度お試しください。');
  });
});
