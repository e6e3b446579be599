/**
 * The local mailbox page (ローカル受信箱), rendered on the server: no script, every value from a
 * mail escaped (subjects and bodies are untrusted text), an HTML body only inside a sandboxed
 * frame that may run nothing. Times are Japan time, as the mails themselves state them.
 */
import { japanDateTime } from '../../lambdas/domain/japan-time';
import { escapeHtml } from '../../static-site/page-layout';
import type { AddressGroup, InboxMail } from './inbox';
import type { BodyPart } from './mail-body';

export const INBOX_PATH = '/_local/mailbox';
export const INBOX_STYLESHEET_PATH = '/_local/mailbox.css';

export interface InboxPageInput {
  groups: AddressGroup[];
  /** The address chosen in the list (`?to=`), if any. */
  selected?: string;
  /** The SES emulator's own viewer, named for whoever wants the raw store. */
  emulatorUrl: string;
}

const linkTo = (address?: string) => (address ? `${INBOX_PATH}?to=${encodeURIComponent(address)}` : INBOX_PATH);

function layout(body: string): string {
  return `<!doctype html>
<html lang="ja">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>ローカル受信箱 | お客様サポートWEB</title>
  <link rel="stylesheet" href="/css/site.css">
  <link rel="stylesheet" href="${INBOX_STYLESHEET_PATH}">
</head>
<body>
  <header class="site-header">
    <div class="site-header-inner"><a class="brand" href="/"><span class="brand-name">お客様サポートWEB</span></a></div>
  </header>
  <main class="page inbox">
${body}
  </main>
</body>
</html>
`;
}

function intro(input: { selected?: string; emulatorUrl: string }): string {
  return `    <h1>ローカル受信箱</h1>
    <div class="inbox-local-note">
      <p>このページはローカル環境（<code>npm start</code>）にだけあります。本番・検証環境には公開されません。</p>
      <p>ローカルの製品が送ったメールを、新しい順に宛先ごとに表示します。本文のURLは新しいタブで開きます。</p>
    </div>
    <p class="inbox-actions"><a href="${escapeHtml(linkTo(input.selected))}">再読み込み</a>
      <span class="inbox-raw">SESエミュレーターの画面: <a href="${escapeHtml(input.emulatorUrl)}/">${escapeHtml(input.emulatorUrl)}/</a></span></p>`;
}

function addressList(groups: AddressGroup[], selected?: string): string {
  const item = (label: string, address?: string) => {
    const current = (address ?? '') === (selected ?? '') ? ' aria-current="page"' : '';
    return `        <li><a href="${escapeHtml(linkTo(address))}"${current}>${escapeHtml(label)}</a></li>`;
  };
  const all = item(`すべての宛先（${groups.reduce((n, g) => n + g.mails.length, 0)}通）`);
  const addresses = groups.map((group) => item(`${group.address}（${group.mails.length}通）`, group.address));
  return `    <nav class="inbox-addresses" aria-label="宛先">
      <h2>宛先（新しい順）</h2>
      <ul>
${[all, ...addresses].join('\n')}
      </ul>
    </nav>`;
}

function bodyHtml(parts: BodyPart[]): string {
  return parts
    .map((part) =>
      'link' in part
        ? `<a href="${escapeHtml(part.link)}" target="_blank" rel="noopener noreferrer">${escapeHtml(part.link)}</a>`
        : escapeHtml(part.text),
    )
    .join('');
}

function mailHtml(mail: InboxMail, headingId: string): string {
  const passcode = mail.passcode
    ? `
        <p class="inbox-passcode">パスコード <strong class="inbox-passcode-value">${escapeHtml(mail.passcode)}</strong></p>`
    : '';
  const text = mail.text.length > 0 ? `\n        <pre class="inbox-body">${bodyHtml(mail.text)}</pre>` : '';
  // sandbox="" with no allowance: no script, no form, no navigation; the page's CSP applies as well.
  const html = mail.html
    ? `\n        <iframe class="inbox-html" sandbox="" title="${escapeHtml(`HTML本文: ${mail.subject}`)}" srcdoc="${escapeHtml(mail.html)}"></iframe>`
    : '';
  return `      <article class="card inbox-mail" aria-labelledby="${headingId}">
        <h3 id="${headingId}">${escapeHtml(mail.subject)}</h3>
        <dl class="inbox-meta">
          <dt>差出人</dt><dd class="inbox-from">${escapeHtml(mail.from)}</dd>
          <dt>宛先</dt><dd>${escapeHtml(mail.to.join(', '))}</dd>
          <dt>受信日時</dt><dd><time datetime="${mail.receivedAt.toISOString()}">${escapeHtml(japanDateTime(mail.receivedAt))}</time></dd>
        </dl>${passcode}${text}${html}
      </article>`;
}

function groupHtml(group: AddressGroup, index: number): string {
  const id = `address-${index}`;
  const mails = group.mails.map((mail, n) => mailHtml(mail, `${id}-mail-${n}`)).join('\n');
  return `    <section class="inbox-group" aria-labelledby="${id}">
      <h2 id="${id}">${escapeHtml(group.address)} 宛て（${group.mails.length}通）</h2>
${mails}
    </section>`;
}

export function inboxPage(input: InboxPageInput): string {
  const { groups, selected } = input;
  if (groups.length === 0) {
    return layout(
      `${intro(input)}\n    <p class="inbox-empty">まだメールはありません。初回ログインなどでメールが送られると、ここに表示されます。</p>`,
    );
  }
  const shown = selected ? groups.filter((group) => group.address === selected.toLowerCase()) : groups;
  const content =
    shown.length > 0
      ? shown.map((group) => groupHtml(group, groups.indexOf(group))).join('\n')
      : `    <p class="inbox-empty">${escapeHtml(selected ?? '')} 宛てのメールはありません。</p>`;
  return layout(`${intro(input)}\n${addressList(groups, selected?.toLowerCase())}\n${content}`);
}

/** When the emulator cannot be read: the page says so, without any detail of the failure. */
export function inboxUnavailablePage(emulatorUrl: string): string {
  return layout(
    `${intro({ emulatorUrl })}\n    <div class="alert" role="alert"><p>メールを読み込めませんでした。ローカル環境が動いているか確かめて、再読み込みしてください。</p></div>`,
  );
}
