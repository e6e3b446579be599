/**
 * A credential spelled out one character at a time with its kind, printed under it so a merchant
 * reading the letter cannot take 0 for O or 1 for l or I.
 */
type CharacterKind = '英大文字' | '英小文字' | '数字' | '記号';

export interface SpelledCharacter {
  char: string;
  kind: CharacterKind;
  /** The symbol's name (ハイフン, シャープ…) when it is one. */
  name?: string;
}

const SYMBOL_NAMES: Record<string, string> = {
  '-': 'ハイフン',
  _: 'アンダーバー',
  '#': 'シャープ',
  '%': 'パーセント',
  '+': 'プラス',
  '=': 'イコール',
  '?': 'クエスチョン',
  '@': 'アットマーク',
  '!': 'エクスクラメーション',
  '&': 'アンド',
  '.': 'ピリオド',
  ':': 'コロン',
  '*': 'アスタリスク',
  $: 'ドル',
};

function kindOf(char: string): CharacterKind {
  if (/[A-Z]/.test(char)) return '英大文字';
  if (/[a-z]/.test(char)) return '英小文字';
  if (/[0-9]/.test(char)) return '数字';
  return '記号';
}

export function spell(value: string): SpelledCharacter[] {
  return [...value].map((char) => {
    const kind = kindOf(char);
    return kind === '記号' && SYMBOL_NAMES[char] ? { char, kind, name: SYMBOL_NAMES[char] } : { char, kind };
  });
}

/** The same as one line of text: "S(英大文字) H(英大文字) 0(数字) -(記号・ハイフン)". */
export function spellAsText(value: string): string {
  return spell(value)
    .map(({ char, kind, name }) => `${char}(${kind}${name ? `・${name}` : ''})`)
    .join(' ');
}
