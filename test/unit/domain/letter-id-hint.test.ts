import { LETTER_ID_HINT, LETTER_ID_HINT_MESSAGE } from '../../../lambdas/domain/letter-id-hint';

describe('the letter-ID hint', () => {
  it('is one sentence the API and the page both say: the page only makes its link a link', () => {
    expect(`${LETTER_ID_HINT.lead}${LETTER_ID_HINT.link}${LETTER_ID_HINT.tail}`).toBe(LETTER_ID_HINT_MESSAGE);
    expect(LETTER_ID_HINT_MESSAGE).toBe(
      '2回目以降のログインIDは、ご登録のメールアドレスです。初回ログインの方は「初回ログインはこちら」からお進みください。',
    );
  });

  it('names the link as the login page’s way to 初回ログイン names it', () => {
    expect(LETTER_ID_HINT.link).toBe('初回ログインはこちら');
    expect(LETTER_ID_HINT.tail.startsWith('」')).toBe(true);
  });
});
