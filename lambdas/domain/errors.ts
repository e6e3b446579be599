import { API_LINK_WORDING, type LinkProblem } from './link-wording';
import type { RuleResult } from './password-policy';

/**
 * Everything a merchant can do wrong, as classes. One place (`http/error-answers.ts`) turns each
 * class into an HTTP answer; anything that is not a DomainError is an internal fault.
 */
export abstract class DomainError extends Error {
  abstract readonly code: string;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** Input that is missing or malformed, by field. */
export class ValidationError extends DomainError {
  readonly code = 'VALIDATION';
  constructor(readonly fields: Record<string, string>) {
    super('入力内容に誤りがあります。');
  }
}

/** Wrong ID, wrong password, unknown, locked or finished account: deliberately one answer. */
export class InvalidCredentialsError extends DomainError {
  readonly code = 'INVALID_CREDENTIALS';
  constructor(readonly reason: string) {
    super('ログインIDまたはパスワードが正しくありません。');
  }
}

/** パスワード変更 with a wrong current password (or while the login is locked: the same answer). */
export class CurrentPasswordWrongError extends DomainError {
  readonly code = 'CURRENT_PASSWORD_WRONG';
  constructor() {
    super('現在のパスワードが正しくありません。');
  }
}

/**
 * The password was changed elsewhere (another tab or device) between reading the account and
 * writing the new one: nothing was changed here.
 */
export class ChangedMeanwhileError extends DomainError {
  readonly code = 'CHANGED_MEANWHILE';
  constructor(message = '別の画面でパスワードが変更されました。現在のパスワードを確かめて、もう一度お試しください。') {
    super(message);
  }
}

/** An email another merchant already uses: at first login, or when an email change completes. */
export class EmailUnavailableError extends DomainError {
  readonly code = 'EMAIL_UNAVAILABLE';
  constructor(message = 'このメールアドレスは登録できません。別のメールアドレスを入力してください。') {
    super(message);
  }
}

/** A completion URL that can no longer be used, and why, so the page can say what to do. */
export class LinkInvalidError extends DomainError {
  readonly code = 'LINK_INVALID';
  constructor(readonly reason: LinkProblem) {
    super(API_LINK_WORDING[reason]);
  }
}

export class PasscodeWrongError extends DomainError {
  readonly code = 'PASSCODE_WRONG';
  constructor(readonly remainingAttempts: number) {
    super(`パスコードが正しくありません。あと${remainingAttempts}回間違えると、この申請は無効になります。`);
  }
}

export class PasswordPolicyError extends DomainError {
  readonly code = 'PASSWORD_POLICY';
  constructor(readonly violations: { rule: RuleResult['rule'] | 'history'; message: string }[]) {
    const messages = violations.map((v) => v.message);
    super(messages.length === 1 ? messages[0] : ['新パスワードが次の条件を満たしていません。', ...messages].join(' '));
  }
}

export class SessionRequiredError extends DomainError {
  readonly code = 'SESSION_REQUIRED';
  constructor(readonly reason: 'missing' | 'expired' | 'unknown') {
    super('ログインしてください。');
  }
}

/** A sensitive change asked of a session that has not shown the password (or a passkey) lately. */
export class ProofRequiredError extends DomainError {
  readonly code = 'PROOF_REQUIRED';
  constructor() {
    super('この操作を続けるには、本人確認のため、もう一度パスワードを入力してください。');
  }
}

/**
 * A passkey sign-in (or passkey proof) that did not pass, whatever the reason: one answer, the
 * reason goes to the audit only.
 */
export class PasskeyFailedError extends DomainError {
  readonly code = 'PASSKEY_FAILED';
  constructor(
    readonly reason: string,
    message = 'パスキーでログインできませんでした。もう一度お試しいただくか、メールアドレスとパスワードでログインしてください。',
  ) {
    super(message);
  }
}

/** The half-signed-in step after the password is missing, taken or past its 5 minutes. */
export class SecondStepExpiredError extends DomainError {
  readonly code = 'SECOND_STEP_EXPIRED';
  constructor(readonly reason: string) {
    super('確認の有効期限が切れました。お手数ですが、もう一度ログインしてください。');
  }
}

/** A wrong 確認コード or リカバリーコード (at sign-in or when setting up the app). */
export class CodeWrongError extends DomainError {
  readonly code = 'CODE_WRONG';
  constructor(message = '確認コードが正しくありません。認証アプリに表示されている最新のコードを入力してください。') {
    super(message);
  }
}

/** A session signed in under the required policy, before any second factor is set up. */
export class SecondFactorSetupRequiredError extends DomainError {
  readonly code = 'SECOND_FACTOR_SETUP_REQUIRED';
  constructor() {
    super('ご利用を続けるには、2段階認証の設定が必要です。2段階認証の設定画面から設定してください。');
  }
}

/** A change to the second factors the account cannot take as it is (none set up, a set-up changed meanwhile). */
export class SecondFactorStateError extends DomainError {
  readonly code = 'SECOND_FACTOR_STATE';
  constructor(
    readonly reason: string,
    message: string,
  ) {
    super(message);
  }
}

/** A passkey registration the browser's answer did not pass (expired, reused, wrong site…). */
export class PasskeyNotRegisteredError extends DomainError {
  readonly code = 'PASSKEY_NOT_REGISTERED';
  constructor(readonly reason: string) {
    super('パスキーを登録できませんでした。お手数ですが、もう一度「このデバイスにパスキーを登録」からお試しください。');
  }
}

/** A passkey that is not (or no longer) the merchant's. */
export class PasskeyNotFoundError extends DomainError {
  readonly code = 'PASSKEY_NOT_FOUND';
  constructor() {
    super('このパスキーは見つかりませんでした。画面を更新して、もう一度お試しください。');
  }
}

/** ログイン中の端末: a session that is not (or no longer) one of the merchant's others: one answer for all. */
export class SessionNotFoundError extends DomainError {
  readonly code = 'SESSION_NOT_FOUND';
  constructor() {
    super('この端末のログインは見つかりませんでした。すでにログアウトしている可能性があります。画面を更新してご確認ください。');
  }
}

/** Where two-step sign-in is required, the last way of proving it cannot be removed. */
export class LastFactorError extends DomainError {
  readonly code = 'LAST_FACTOR';
  constructor() {
    super('2段階認証が必須のため、最後の認証方法は削除できません。先に別の認証方法を登録してから削除してください。');
  }
}

/** Too many mail-sending requests for one account or address within the hour. */
export class TooManyRequestsError extends DomainError {
  readonly code = 'TOO_MANY_REQUESTS';
  constructor() {
    super('短時間に多くの申請が行われたため、受付を一時停止しています。しばらく時間をおいてから再度お試しください。');
  }
}

/** SES refused or failed: the request is kept, and registering again sends new mails. */
export class MailNotSentError extends DomainError {
  readonly code = 'MAIL_NOT_SENT';
  constructor(cause: unknown) {
    super('メールを送信できませんでした。時間をおいて再度お試しください。', { cause });
  }
}

/** An ops action on something that exists already. */
export class AccountExistsError extends DomainError {
  readonly code = 'ACCOUNT_EXISTS';
  constructor(readonly loginId: string) {
    super(`ログインID ${loginId} はすでに存在します。`);
  }
}

/**
 * An ops action the account cannot take as it is (unknown, not invited, not registered, changed
 * meanwhile). Its message is for the ops console and says what to do instead.
 */
export class AccountStateError extends DomainError {
  readonly code = 'ACCOUNT_STATE';
  constructor(
    readonly loginId: string,
    message: string,
  ) {
    super(message);
  }
}
