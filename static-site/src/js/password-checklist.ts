/**
 * The live checklist under the new-password fields: every rule of the shared password policy,
 * marked met or unmet while the merchant types. What only the server knows (past passwords;
 * on the pages opened from an email, the account's login ID and full email) is listed as notes
 * that turn red only when the server rejects the password for them. A signed-in page knows the
 * email and login ID, so there the "no personal data" rule is checked live too.
 */
import {
  evaluatePassword,
  MAX_LENGTH,
  MIN_LENGTH,
  RULE_MESSAGES,
  type PasswordContext,
  type PasswordRule,
} from '../../../lambdas/domain/password-policy';

/** Checklist wording says what a good password has; the policy's messages say what went wrong. */
const LIVE_LABELS: Record<PasswordRule, string> = {
  length: `半角${MIN_LENGTH}文字以上${MAX_LENGTH}文字以下`,
  upper: '英字(大文字)を1文字以上',
  lower: '英字(小文字)を1文字以上',
  digit: '数字を1文字以上',
  symbol: '記号を1文字以上',
  allowedCharacters: '半角英数字と指定の記号のみ(全角文字・空白は使用できません)',
  notPersonal: 'メールアドレスやログインIDを含まない',
  notCommon: '推測されやすいパスワードではない',
  confirmation: '新パスワード(確認用)と一致している',
};

const STATE_TEXT = {
  met: '：条件を満たしています',
  unmet: '：未達成',
  rejected: '：条件を満たしていません',
  pending: '：ボタンをクリックした際に確認します',
} as const;
type RuleState = keyof typeof STATE_TEXT;

export interface ChecklistOptions {
  /** The page knows the account's email and login ID (signed in): check them while typing. */
  personalDataKnown?: boolean;
}

function ruleItem(rule: string, label: string): HTMLLIElement {
  const item = document.createElement('li');
  item.className = 'rule';
  item.dataset.rule = rule;
  const mark = document.createElement('span');
  mark.className = 'rule-mark';
  mark.setAttribute('aria-hidden', 'true');
  const text = document.createElement('span');
  text.className = 'rule-label';
  text.textContent = label;
  const state = document.createElement('span');
  state.className = 'visually-hidden rule-state';
  item.append(mark, text, state);
  return item;
}

function setState(item: HTMLLIElement, state: RuleState): void {
  item.dataset.state = state;
  item.querySelector('.rule-state')!.textContent = STATE_TEXT[state];
}

export class PasswordChecklist {
  private readonly items = new Map<string, HTMLLIElement>();
  private readonly serverRules: string[];
  private readonly personalDataKnown: boolean;
  private rejectedByServer = new Set<string>();
  private context: Pick<PasswordContext, 'email' | 'loginId'> = {};

  constructor(
    private readonly liveList: HTMLElement,
    serverNotes: HTMLElement,
    options: ChecklistOptions = {},
  ) {
    this.personalDataKnown = options.personalDataKnown ?? false;
    this.serverRules = this.personalDataKnown ? ['history'] : ['notPersonal', 'history'];
    for (const [rule, label] of Object.entries(LIVE_LABELS)) {
      if (this.serverRules.includes(rule)) continue;
      const item = ruleItem(rule, label);
      this.items.set(rule, item);
      liveList.append(item);
    }
    for (const rule of this.serverRules) {
      const item = ruleItem(rule, RULE_MESSAGES[rule as PasswordRule | 'history']);
      this.items.set(rule, item);
      serverNotes.append(item);
    }
    this.update('', '');
  }

  /** The signed-in account's email and login ID, for the "no personal data" rule. */
  setPersonalData(context: { email?: string; loginId?: string }): void {
    this.context = { email: context.email, loginId: context.loginId };
  }

  /** Re-marks every rule for what is typed now; returns the rules the browser can already see failing. */
  update(password: string, confirmation: string): { rule: PasswordRule; message: string }[] {
    const results = evaluatePassword(password, { ...this.context, confirmation }).filter(
      (result) => !this.serverRules.includes(result.rule),
    );
    for (const result of results) {
      // An empty confirmation "matches" an empty password, but nothing has been confirmed yet.
      const met = result.met && !(result.rule === 'confirmation' && confirmation === '');
      result.met = met;
      setState(this.items.get(result.rule)!, met ? 'met' : 'unmet');
    }
    for (const rule of this.serverRules) {
      setState(this.items.get(rule)!, this.rejectedByServer.has(rule) ? 'rejected' : 'pending');
    }
    return results.filter((result) => !result.met);
  }

  /** The server said no for these rules; they stay red until the password is changed. */
  markRejected(rules: string[], password: string, confirmation: string): void {
    this.rejectedByServer = new Set(rules);
    this.update(password, confirmation);
    for (const rule of rules) {
      const item = this.items.get(rule);
      if (item) setState(item, 'rejected');
    }
  }

  /**
   * After a 設定 that the browser refused: the rules still unmet turn red, as the field's line
   * says ("下の赤字の条件"), and stay so while the merchant fixes them.
   */
  showAttempt(): void {
    (this.liveList.closest<HTMLElement>('.checklist') ?? this.liveList).dataset.attempted = 'true';
  }

  /** Called when the password changes: the server's verdict was about the old one. */
  forgetServerVerdict(): void {
    this.rejectedByServer.clear();
  }
}
