import {
  ALLOWED_SYMBOLS,
  HISTORY_SIZE,
  MAX_LENGTH,
  MIN_LENGTH,
  POLICY_WORDING,
  RULE_MESSAGES,
} from '../../../lambdas/domain/password-policy';
import { LETTER_STEPS } from '../../../ops/letters/render';
import { SITE_SLOTS } from '../../../static-site/site-slots';

describe('password policy wording', () => {
  it("says the guide's words", () => {
    expect(POLICY_WORDING.rule).toBe(
      '新パスワードは半角12文字以上30文字以下で、英字(大文字)・英字(小文字)・数字・記号を各種1文字以上設定してください。',
    );
    expect(POLICY_WORDING.symbols).toBe(`! # % & + - . : = ? [ ] _ " $ ' ( ) * ; < > @ ¥(\\) ^ \` { } | ~`);
    expect(POLICY_WORDING.history).toBe('また、新パスワードには過去4つ前までに使用したものは登録できません。');
  });

  it('is made from the policy constants', () => {
    expect(POLICY_WORDING.rule).toContain(`半角${MIN_LENGTH}文字以上${MAX_LENGTH}文字以下`);
    expect(POLICY_WORDING.inShort).toContain(`半角${MIN_LENGTH}文字以上${MAX_LENGTH}文字以下`);
    expect(POLICY_WORDING.history).toContain(`過去${HISTORY_SIZE}つ前`);
    expect(RULE_MESSAGES.history).toContain(`過去${HISTORY_SIZE}つ前`);
    expect(POLICY_WORDING.symbols.replace('¥(\\)', '\\').split(' ').join('')).toBe(ALLOWED_SYMBOLS);
  });

  it('is what the pages and the letters print', () => {
    expect(SITE_SLOTS['password-rule']).toBe(POLICY_WORDING.rule);
    expect(SITE_SLOTS['password-symbols']).toBe(
      POLICY_WORDING.symbols.replace('&', '&amp;').replace('"', '&quot;').replace('<', '&lt;').replace('>', '&gt;'),
    );
    expect(SITE_SLOTS['password-history']).toBe(POLICY_WORDING.history);
    expect(LETTER_STEPS.some((step) => step.includes(`（${POLICY_WORDING.inShort}）`))).toBe(true);
  });
});
