/**
 * Well-known passwords, reduced to their letters. A password that meets the four character
 * classes is usually one of these words dressed up with capitals, digits and symbols
 * ("Password123!", "P@ssw0rd2024#"), so the check strips the dressing before looking it up.
 * Kept short on purpose: it ships in every page that shows the password form.
 */
const COMMON_CORES = new Set([
  'password',
  'passwd',
  'passw',
  'pass',
  'pw',
  'qwerty',
  'qwertyuiop',
  'asdf',
  'asdfgh',
  'asdfghjkl',
  'zxcvbn',
  'zxcvbnm',
  'qazwsx',
  'abc',
  'abcd',
  'abcde',
  'abcdef',
  'abcdefg',
  'abcdefgh',
  'abcdefghij',
  'admin',
  'administrator',
  'root',
  'user',
  'guest',
  'test',
  'login',
  'welcome',
  'letmein',
  'iloveyou',
  'monkey',
  'dragon',
  'master',
  'sunshine',
  'princess',
  'football',
  'baseball',
  'soccer',
  'shadow',
  'superman',
  'batman',
  'trustno',
  'starwars',
  'pokemon',
  'computer',
  'internet',
  'secret',
  'changeme',
  'default',
  'hello',
  'hellohello',
  'freedom',
  'whatever',
  'michael',
  'jennifer',
  'charlie',
  'summer',
  'winter',
  'spring',
  'autumn',
  'january',
  'december',
  'tokyo',
  'osaka',
  'japan',
  'nippon',
  'sakura',
  'aaaaaa',
  'aaaa',
  'aa',
  'a',
  'aaa',
  'abcabc',
  'qwer',
  'qwert',
  'wasd',
  'gmo',
  'gmofg',
  'support',
  'company',
  'shop',
  'store',
  'merchant',
  'payment',
  'terminal',
]);

const LEET: Record<string, string> = { '@': 'a', '4': 'a', '0': 'o', '1': 'i', '!': 'i', '3': 'e', $: 's', '5': 's', '7': 't' };

/**
 * The letters of the password once the dressing is gone: digits and symbols before and after the
 * word are dropped first, then (with `leet`) look-alike characters inside it become letters.
 */
function core(password: string, leet: boolean): string {
  const word = password.toLowerCase().replace(/^[^a-z]+|[^a-z]+$/g, '');
  return [...word]
    .map((c) => (leet ? (LEET[c] ?? c) : c))
    .filter((c) => c >= 'a' && c <= 'z')
    .join('');
}

/** True when the password, stripped of digits and symbols (with and without leetspeak), is a common word. */
export function isCommonPassword(password: string): boolean {
  return COMMON_CORES.has(core(password, false)) || COMMON_CORES.has(core(password, true));
}
