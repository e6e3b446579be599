/**
 * What a merchant is told who types the letter's 初回ログインID into the login form (the most
 * likely first mistake): from the second time on the ログインID is the registered email address,
 * and the letter's ID and password belong to 初回ログイン. Judged by the format alone, so it says
 * nothing about any account. The API gives the whole sentence as the loginId field's message; the
 * login page shows the same words with 初回ログインはこちら as a link. Both the server and the
 * browser bundle read this module, so it imports nothing.
 */
export const LETTER_ID_HINT = {
  lead: '2回目以降のログインIDは、ご登録のメールアドレスです。初回ログインの方は「',
  link: '初回ログインはこちら',
  tail: '」からお進みください。',
} as const;

export const LETTER_ID_HINT_MESSAGE = `${LETTER_ID_HINT.lead}${LETTER_ID_HINT.link}${LETTER_ID_HINT.tail}`;
