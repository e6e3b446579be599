import { bodyParts, passcodeIn } from '../../../local/mailbox/mail-body';

const SITE = 'http://localhost:3000';

describe('a mail body in the local mailbox', () => {
  it('makes a URL of the local site a link, the text around it staying text', () => {
    const text = '下記URLにアクセスしてください。\nhttp://localhost:3000/passcode.html#AbC_12-x\n\n以上';

    expect(bodyParts(text, SITE)).toEqual([
      { text: '下記URLにアクセスしてください。\n' },
      { link: 'http://localhost:3000/passcode.html#AbC_12-x' },
      { text: '\n\n以上' },
    ]);
  });

  it('ends the URL where Japanese text or closing punctuation follows it', () => {
    expect(bodyParts('URL：http://localhost:3000/passcode.html#t0k3nです。', SITE)).toEqual([
      { text: 'URL：' },
      { link: 'http://localhost:3000/passcode.html#t0k3n' },
      { text: 'です。' },
    ]);
    expect(bodyParts('(http://localhost:3000/index.html).', SITE)).toEqual([
      { text: '(' },
      { link: 'http://localhost:3000/index.html' },
      { text: ').' },
    ]);
  });

  it.each([
    ['another site', 'https://example.com/passcode.html#x'],
    ['another port of localhost', 'http://localhost:8005/store'],
    ['a javascript: URL', 'javascript:alert(1)'],
    ['a data: URL', 'data:text/html,<script>alert(1)</script>'],
    ['a look-alike host', 'http://localhost:3000.evil.example/passcode.html'],
  ])('leaves %s as text', (_, url) => {
    const text = `開く: ${url} まで`;

    expect(bodyParts(text, SITE)).toEqual([{ text }]);
  });

  it('links only https when the site is on https', () => {
    expect(bodyParts('https://shop.example.jp/a http://shop.example.jp/b', 'https://shop.example.jp')).toEqual([
      { link: 'https://shop.example.jp/a' },
      { text: ' http://shop.example.jp/b' },
    ]);
  });

  it('finds the passcode line of the passcode mail', () => {
    expect(passcodeIn('以下のパスコードを入力の上…\n\nパスコード : 042917\n\nなお、このパスコードの有効期限は…')).toBe('042917');
    expect(passcodeIn('パスコード：123456')).toBe('123456');
  });

  it('finds no passcode in a mail without one, nor in a longer number', () => {
    expect(passcodeIn('お手続き完了用URLのお知らせです。')).toBeUndefined();
    expect(passcodeIn('パスコード : 1234567')).toBeUndefined();
  });
});
