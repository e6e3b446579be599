import { GUIDE_CONTACT, supportContactFor, supportContactOf } from '../../../ops/letters/contact';
import { LETTER_STEPS, renderLettersHtml, type LetterContent } from '../../../ops/letters/render';
import { spell, spellAsText } from '../../../ops/letters/spell';
import { writeFileSync } from 'node:fs';
import { scratchDir } from '../../support/scratch-dir';

const LETTER: LetterContent = {
  loginId: 'SHOP-0001',
  initialPassword: 'Hq7#xTk4Wp9=Ny',
  expiresAt: '2027-02-25T01:30:00.000Z',
  address: {
    companyName: '株式会社サンプル',
    contactName: '山田 太郎',
    postalCode: '150-0043',
    postalAddress: '東京都渋谷区道玄坂1-2-3\nサンプルビル5階',
  },
};
const CONTEXT = { siteUrl: 'https://support.example.jp', contact: GUIDE_CONTACT, producedAt: new Date('2026-11-27T01:00:00Z') };

/** The text of each letter (section) of the document, tags left out. */
const lettersOf = (html: string) => [...html.matchAll(/<section class="letter"[\s\S]*?<\/section>/g)].map((m) => m[0]);
const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<');

describe('spell', () => {
  it('names the kind of every character, and the symbols', () => {
    expect(spell('A0l-#')).toEqual([
      { char: 'A', kind: '英大文字' },
      { char: '0', kind: '数字' },
      { char: 'l', kind: '英小文字' },
      { char: '-', kind: '記号', name: 'ハイフン' },
      { char: '#', kind: '記号', name: 'シャープ' },
    ]);
    expect(spellAsText('O1I')).toBe('O(英大文字) 1(数字) I(英大文字)');
  });
});

describe('renderLettersHtml', () => {
  it('prints one A4 page per letter', () => {
    // Act
    const html = renderLettersHtml([LETTER, { ...LETTER, loginId: 'SHOP-0002' }], CONTEXT);

    // Assess
    expect(html).toContain('@page { size: A4;');
    expect(html).toMatch(/\.letter \{[^}]*break-after: page; page-break-after: always;/);
    expect(html).toContain('<html lang="ja">');
    expect(lettersOf(html)).toHaveLength(2);
    expect(html).not.toMatch(/<script|<link|src=/);
  });

  it('addresses the letter and gives the credentials, their validity and the site', () => {
    // Act
    const text = textOf(lettersOf(renderLettersHtml([LETTER], CONTEXT))[0]!);

    // Assess
    expect(text).toContain('〒150-0043');
    expect(text).toContain('東京都渋谷区道玄坂1-2-3\nサンプルビル5階');
    expect(text).toContain('株式会社サンプル');
    expect(text).toContain('山田 太郎 様');
    expect(text).toContain('初回ログインID');
    expect(text).toContain('SHOP-0001');
    expect(text).toContain('初回パスワード');
    expect(text).toContain('Hq7#xTk4Wp9=Ny');
    expect(text).toContain('2027年2月25日 10:30まで（日本時間）');
    expect(text).toContain('https://support.example.jp/');
    expect(text).toContain('2026年11月27日');
  });

  it('spells the password and the ID out under them, in a monospace font with a distinct 0', () => {
    // Act
    const html = renderLettersHtml([LETTER], CONTEXT);

    // Assess
    expect(html).toContain('<span class="credential mono" data-credential="initialPassword">Hq7#xTk4Wp9=Ny</span><ol class="spelled"');
    expect(html).toContain(
      '<li><span class="c mono">H</span><span class="k">英大文字</span></li><li><span class="c mono">q</span><span class="k">英小文字</span></li>',
    );
    expect(html).toContain('<span class="c mono">#</span><span class="k">記号<br>シャープ</span>');
    expect(html).toContain('<span class="c mono">0</span><span class="k">数字</span>');
    expect(html).toMatch(/\.mono, \.url \{\s*font-family: "DejaVu Sans Mono"/);
  });

  it('gives the steps of the guide, the browser notice and the support contact', () => {
    // Act
    const text = textOf(
      renderLettersHtml([LETTER], { ...CONTEXT, contact: { name: '株式会社テスト サポート係', email: 'help@example.jp' } }),
    );

    // Assess
    expect(text).toContain('初回ログインはこちら');
    expect(text).toContain('初回ログインIDと初回パスワード、ご登録になるメールアドレス');
    expect(text).toContain('2通のメール');
    expect(text).toContain('パスコードと新パスワード');
    expect(text).toContain('以降はご登録のメールアドレスでログイン');
    expect(LETTER_STEPS).toHaveLength(5);
    expect(text).toContain('Google ChromeまたはMicrosoft Edge');
    expect(text).toContain('Internet Explorerには対応していません');
    expect(text).toContain('本ご案内に関するお問合せ先');
    expect(text).toContain('宛先 : 株式会社テスト サポート係');
    expect(text).toContain('help@example.jp');
  });

  it('escapes what the file gave', () => {
    // Act
    const html = renderLettersHtml([{ ...LETTER, address: { companyName: '<b>A&B</b>', postalAddress: '"x"' } }], CONTEXT);

    // Assess
    expect(html).toContain('&lt;b&gt;A&amp;B&lt;/b&gt; 御中');
    expect(html).toContain('&quot;x&quot;');
    expect(html).not.toContain('<b>A&B</b>');
  });

  it('addresses a letter without a contact to the company (御中), and one without any address to ご担当者様', () => {
    expect(textOf(renderLettersHtml([{ ...LETTER, address: { companyName: '株式会社A' } }], CONTEXT))).toContain('株式会社A 御中');
    expect(textOf(renderLettersHtml([{ ...LETTER, address: undefined }], CONTEXT))).toContain('ご担当者様');
  });
});

describe('supportContactFor', () => {
  it("gives the guide's contact for the local stack", () => {
    expect(supportContactFor('local')).toEqual({
      name: 'GMOフィナンシャルゲート株式会社 管理本部 業務課 お客様サポートWEB担当',
      email: 'support@gmo-fg.com',
    });
  });

  it("gives a stage the contact its emails name (cdk.json), else the guide's", () => {
    // Prepare
    const dir = scratchDir('cdk-json-');
    const cdkJson = dir.path('cdk.json');
    writeFileSync(
      cdkJson,
      JSON.stringify({
        context: {
          stages: {
            prod: { supportContactEmail: 'help@example.jp' },
            dev: { supportContactName: '担当', supportContactEmail: 'dev@example.jp' },
          },
        },
      }),
    );

    try {
      // Act & Assess
      expect(supportContactFor('prod', cdkJson)).toEqual({ name: GUIDE_CONTACT.name, email: 'help@example.jp' });
      expect(supportContactFor('dev', cdkJson)).toEqual({ name: '担当', email: 'dev@example.jp' });
      expect(supportContactFor('other', cdkJson)).toEqual(GUIDE_CONTACT);
      expect(supportContactFor('prod', dir.path('absent.json'))).toEqual(GUIDE_CONTACT);
    } finally {
      dir.remove();
    }
  });
});

describe('supportContactOf', () => {
  const settings = (body: unknown, status = 200) =>
    jest.fn(async (_url: string | URL | Request) => new Response(JSON.stringify(body), { status })) as unknown as typeof fetch;

  it('gives the contact the site shows, from its site settings', async () => {
    // Prepare
    const fetchSettings = settings({
      brandName: 'B',
      supportContactName: ' 株式会社テスト サポート係 ',
      supportContactEmail: 'help@example.jp',
    });

    // Act
    const contact = await supportContactOf({ name: 'prod', siteUrl: 'https://support.example.jp/' }, { fetchSettings });

    // Assess
    expect(contact).toEqual({ name: '株式会社テスト サポート係', email: 'help@example.jp' });
    expect(fetchSettings).toHaveBeenCalledWith('https://support.example.jp/site-settings.json', expect.anything());
  });

  it('falls back when the site cannot be read or its settings are not sensible', async () => {
    const unreachable = jest.fn(async () => Promise.reject(new TypeError('fetch failed'))) as unknown as typeof fetch;
    expect(await supportContactOf({ name: 'local', siteUrl: 'http://localhost:1' }, { fetchSettings: unreachable })).toEqual(GUIDE_CONTACT);
    expect(await supportContactOf({ name: 'local', siteUrl: 'http://x' }, { fetchSettings: settings({}, 404) })).toEqual(GUIDE_CONTACT);
    expect(
      await supportContactOf(
        { name: 'local', siteUrl: 'http://x' },
        { fetchSettings: settings({ supportContactName: 'A', supportContactEmail: 'not an email' }) },
      ),
    ).toEqual(GUIDE_CONTACT);
    expect(await supportContactOf({ name: 'local' })).toEqual(GUIDE_CONTACT);
  });
});
