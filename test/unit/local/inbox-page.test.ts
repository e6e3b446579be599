import type { AddressGroup, InboxMail } from '../../../local/mailbox/inbox';
import { inboxPage, inboxUnavailablePage } from '../../../local/mailbox/inbox-page';

const EMULATOR = 'http://localhost:8005';

function mail(overrides: Partial<InboxMail> = {}): InboxMail {
  return {
    messageId: 'ses-1',
    from: 'お客様サポートWEB <operation@mail.example.com>',
    to: ['shop@example.com'],
    subject: '件名',
    receivedAt: new Date('2026-11-27T10:30:00.000Z'),
    text: [{ text: '本文' }],
    ...overrides,
  };
}

const page = (groups: AddressGroup[], selected?: string) => inboxPage({ groups, selected, emulatorUrl: EMULATOR });
const oneMail = (overrides: Partial<InboxMail>) => page([{ address: 'shop@example.com', mails: [mail(overrides)] }]);

describe('the local mailbox page', () => {
  it('is titled ローカル受信箱 in Japanese, says it exists only locally and offers 再読み込み', () => {
    const html = page([]);

    expect(html).toContain('<html lang="ja">');
    expect(html).toContain('<title>ローカル受信箱 | お客様サポートWEB</title>');
    expect(html).toContain('<h1>ローカル受信箱</h1>');
    expect(html).toContain('このページはローカル環境（<code>npm start</code>）にだけあります。');
    expect(html).toContain('<a href="/_local/mailbox">再読み込み</a>');
    expect(html).toContain('まだメールはありません。');
  });

  it('needs no script: none inline, none loaded', () => {
    expect(oneMail({ html: '<p>x</p>' })).not.toMatch(/<script|\son[a-z]+=/i);
  });

  it('escapes the subject, sender, address and body of a mail', () => {
    const html = page([
      {
        address: '<b>@example.com',
        mails: [
          mail({
            subject: '<script>alert("s")</script>',
            from: '"Evil" <img src=x onerror=alert(1)> <e@example.com>',
            to: ['<b>@example.com'],
            text: [{ text: '</pre><script>alert(1)</script> & more' }],
          }),
        ],
      },
    ]);

    expect(html).not.toMatch(/<script|<img|<b>/);
    expect(html).toContain('&lt;script&gt;alert(&quot;s&quot;)&lt;/script&gt;');
    expect(html).toContain('&quot;Evil&quot; &lt;img src=x onerror=alert(1)&gt; &lt;e@example.com&gt;');
    expect(html).toContain('&lt;/pre&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; more');
    expect(html).toContain('href="/_local/mailbox?to=%3Cb%3E%40example.com"');
  });

  it('shows a link part as a link that opens in a new tab, its address escaped', () => {
    const url = 'http://localhost:3000/passcode.html#tok"><script>';
    const html = oneMail({ text: [{ text: 'URL\n' }, { link: url }] });

    expect(html).toContain(
      '<pre class="inbox-body">URL\n<a href="http://localhost:3000/passcode.html#tok&quot;&gt;&lt;script&gt;" target="_blank" rel="noopener noreferrer">',
    );
  });

  it('writes a text part as text, whatever it holds', () => {
    expect(oneMail({ text: [{ text: 'javascript:alert(1) https://example.com/' }] })).not.toMatch(
      /<a href="(javascript|https:\/\/example)/,
    );
  });

  it('shows the received time in Japan time, with the exact instant for machines', () => {
    const html = oneMail({ receivedAt: new Date('2026-11-27T15:05:00.000Z') });

    expect(html).toContain('<time datetime="2026-11-27T15:05:00.000Z">2026年11月28日 00:05</time>');
  });

  it('shows the decoded sender and the passcode large', () => {
    const html = oneMail({ passcode: '042917' });

    expect(html).toContain('<dd class="inbox-from">お客様サポートWEB &lt;operation@mail.example.com&gt;</dd>');
    expect(html).toContain('<p class="inbox-passcode">パスコード <strong class="inbox-passcode-value">042917</strong></p>');
  });

  it('shows no passcode box for a mail without one', () => {
    expect(oneMail({})).not.toContain('inbox-passcode');
  });

  it('shows an HTML body only in a frame sandboxed of everything, its markup escaped into srcdoc', () => {
    const html = oneMail({ text: [], html: '<p onclick="x()">本文</p><script>alert(1)</script>' });

    expect(html).toContain(
      'sandbox="" title="HTML本文: 件名" srcdoc="&lt;p onclick=&quot;x()&quot;&gt;本文&lt;/p&gt;&lt;script&gt;alert(1)&lt;/script&gt;"',
    );
    expect(html).not.toContain('allow-');
    expect(html).not.toContain('<pre class="inbox-body">');
  });

  it('keeps the order it is given: groups and mails, newest first', () => {
    const html = page([
      { address: 'new@example.com', mails: [mail({ subject: 'n2' }), mail({ subject: 'n1' })] },
      { address: 'old@example.com', mails: [mail({ subject: 'o1' })] },
    ]);

    const order = ['new@example.com 宛て', '>n2<', '>n1<', 'old@example.com 宛て', '>o1<'].map((s) => html.indexOf(s));
    expect(order.every((at) => at > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('lists the addresses newest first with their counts, all of them first', () => {
    const html = page([
      { address: 'new@example.com', mails: [mail(), mail()] },
      { address: 'old@example.com', mails: [mail()] },
    ]);

    const list = html.slice(html.indexOf('<nav'), html.indexOf('</nav>'));
    expect(list.match(/<li>.*<\/li>/g)).toEqual([
      '<li><a href="/_local/mailbox" aria-current="page">すべての宛先（3通）</a></li>',
      '<li><a href="/_local/mailbox?to=new%40example.com">new@example.com（2通）</a></li>',
      '<li><a href="/_local/mailbox?to=old%40example.com">old@example.com（1通）</a></li>',
    ]);
  });

  it('shows only the chosen address, marked in the list, and reloads to it', () => {
    const html = page(
      [
        { address: 'new@example.com', mails: [mail({ subject: 'to new' })] },
        { address: 'old@example.com', mails: [mail({ subject: 'to old' })] },
      ],
      'Old@Example.com',
    );

    expect(html).toContain('>to old<');
    expect(html).not.toContain('>to new<');
    expect(html).toContain('<a href="/_local/mailbox?to=old%40example.com" aria-current="page">');
    expect(html).toContain('<a href="/_local/mailbox?to=Old%40Example.com">再読み込み</a>');
  });

  it('says so when the chosen address has no mail', () => {
    const html = page([{ address: 'a@example.com', mails: [mail()] }], '<x>@example.com');

    expect(html).toContain('&lt;x&gt;@example.com 宛てのメールはありません。');
  });

  it('names the raw SES emulator', () => {
    expect(page([])).toContain(`<a href="${EMULATOR}/">${EMULATOR}/</a>`);
  });

  it('tells, without any detail, when the mails cannot be read', () => {
    const html = inboxUnavailablePage(EMULATOR);

    expect(html).toContain('<div class="alert" role="alert"><p>メールを読み込めませんでした。');
    expect(html).toContain('再読み込み');
  });
});
