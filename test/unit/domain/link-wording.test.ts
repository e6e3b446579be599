import { LinkInvalidError } from '../../../lambdas/domain/errors';
import {
  API_LINK_WORDING,
  EMAIL_CHANGE_LINK_WORDING,
  linkProblemOf,
  PASSWORD_RESET_LINK_WORDING,
  REGISTRATION_LINK_WORDING,
  type LinkProblem,
} from '../../../lambdas/domain/link-wording';

const PROBLEMS: LinkProblem[] = ['expired', 'used', 'replaced', 'voided', 'unknown'];

describe('link wording', () => {
  it('is what the API answers for each reason', () => {
    for (const problem of PROBLEMS) expect(new LinkInvalidError(problem).message).toBe(API_LINK_WORDING[problem]);
  });

  it.each([
    ['registration', REGISTRATION_LINK_WORDING, '初回ログインページ'],
    ['password reset', PASSWORD_RESET_LINK_WORDING, 'パスワード再設定ページ'],
    ['email change', EMAIL_CHANGE_LINK_WORDING, 'メールアドレス変更ページ'],
  ])('tells the %s page where to start again, for every reason', (_, wording, startAgain) => {
    expect(Object.keys(wording).sort()).toEqual([...PROBLEMS].sort());
    for (const problem of ['expired', 'voided', 'unknown'] as const) expect(wording[problem]).toContain(startAgain);
  });

  it('says the same about a replaced link in every flow', () => {
    expect(PASSWORD_RESET_LINK_WORDING.replaced).toBe(REGISTRATION_LINK_WORDING.replaced);
    expect(EMAIL_CHANGE_LINK_WORDING.replaced).toBe(REGISTRATION_LINK_WORDING.replaced);
  });

  it('takes any reason it does not know as unknown', () => {
    expect(linkProblemOf('used')).toBe('used');
    expect(linkProblemOf('toString')).toBe('unknown');
    expect(linkProblemOf(undefined)).toBe('unknown');
  });
});
