/**
 * What a merchant is told about a completion URL that can no longer be used, for each reason.
 * The API answers in general words; each page that opens such a URL says what to do next in the
 * words of its own flow. Both the server and the browser bundle read this module, so it imports
 * nothing.
 */
const LINK_PROBLEMS = ['expired', 'used', 'replaced', 'voided', 'unknown'] as const;
export type LinkProblem = (typeof LINK_PROBLEMS)[number];

export type LinkWording = Record<LinkProblem, string>;

/** The API's message (LINK_INVALID), whatever the flow. */
export const API_LINK_WORDING: LinkWording = {
  expired: 'このURLは有効期限が切れています。お手数ですが、再度申請を行ってください。',
  used: 'このURLのお手続きはすでに完了しています。ログインページからログインしてください。',
  replaced: '新しい申請を受け付けたため、このURLは無効になりました。最新のメールに記載のURLからお手続きください。',
  voided: 'パスコードの入力誤りが上限に達したため、この申請は無効になりました。お手数ですが、再度申請を行ってください。',
  unknown: 'このURLは無効です。メールに記載のURLをご確認の上、再度アクセスしてください。',
};

/** A newer request replaced this one: the same advice in every flow. */
const REPLACED_ON_PAGE =
  'このURLは、その後に新しい申請が行われたため無効になりました。最後に届いたメールに記載されたURLからお手続きください。';

/** パスコード入力 (registration): the merchant starts again from 初回ログイン. */
export const REGISTRATION_LINK_WORDING: LinkWording = {
  expired: 'このURLは有効期限が切れています。お手数ですが、初回ログインページから再度申請を行ってください。',
  used: 'このURLはすでに使用されています。メールアドレスの登録とパスワードの設定がお済みの場合は、ログインページからご登録のメールアドレスでログインしてください。',
  replaced: REPLACED_ON_PAGE,
  voided:
    'パスコードの入力誤りが上限に達したため、このURLは無効になりました。お手数ですが、初回ログインページから再度申請を行ってください。',
  unknown:
    'このURLは無効です。メールに記載されたURLを正しく開いているかご確認ください。解決しない場合は、初回ログインページから再度申請を行ってください。',
};

/** パスワード再設定: the merchant starts again from the forgot-password page. */
export const PASSWORD_RESET_LINK_WORDING: LinkWording = {
  expired: 'このURLは有効期限が切れています。お手数ですが、パスワード再設定ページから再度お手続きください。',
  used: 'このURLはすでに使用されています。パスワードの再設定がお済みの場合は、ログインページから新しいパスワードでログインしてください。',
  replaced: REPLACED_ON_PAGE,
  voided:
    'パスコードの入力誤りが上限に達したため、このURLは無効になりました。お手数ですが、パスワード再設定ページから再度お手続きください。',
  unknown:
    'このURLは無効です。メールに記載されたURLを正しく開いているかご確認ください。解決しない場合は、パスワード再設定ページから再度お手続きください。',
};

/** メールアドレス変更: the merchant logs in and starts again from the email-change page. */
export const EMAIL_CHANGE_LINK_WORDING: LinkWording = {
  expired: 'このURLは有効期限が切れています。お手数ですが、ログインの上、メールアドレス変更ページから再度お手続きください。',
  used: 'このURLはすでに使用されています。メールアドレスの変更がお済みの場合は、新しいメールアドレスでログインしてください。',
  replaced: REPLACED_ON_PAGE,
  voided:
    'パスコードの入力誤りが上限に達したため、このURLは無効になりました。お手数ですが、ログインの上、メールアドレス変更ページから再度お手続きください。',
  unknown:
    'このURLは無効です。メールに記載されたURLを正しく開いているかご確認ください。解決しない場合は、ログインの上、メールアドレス変更ページから再度お手続きください。',
};

/** A reason the server gave, or `unknown` for anything this page does not know. */
export const linkProblemOf = (reason: string | undefined): LinkProblem => LINK_PROBLEMS.find((problem) => problem === reason) ?? 'unknown';
