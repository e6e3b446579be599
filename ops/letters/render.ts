/**
 * The letters as one print-ready HTML document: A4, one letter per page, in Japanese. Each letter
 * has the address block (for a window envelope), the initial login ID and password in a font that
 * tells 0/O and 1/l/I apart and spelled out character by character, the password's validity, the
 * site's URL, the guide's steps in short, the browser notice and the support contact.
 * Self-contained: no script, no external file, so it prints the same anywhere.
 */
import type { LetterAddress } from '../../lambdas/domain/model';
import { japanDate, japanDateTime } from '../../lambdas/domain/japan-time';
import { POLICY_WORDING } from '../../lambdas/domain/password-policy';
import type { SupportContact } from './contact';
import { spell } from './spell';

export interface LetterContent {
  loginId: string;
  initialPassword: string;
  /** ISO time the initial password stops working. */
  expiresAt: string;
  address?: LetterAddress;
}

export interface LetterContext {
  /** The site's origin; the letter prints its login page. */
  siteUrl: string;
  contact: SupportContact;
  /** When the letters are produced: the date printed on them. */
  producedAt: Date;
}

const LETTER_TITLE = 'お客様サポートWEB アカウント登録のご案内';

/** The login guide's steps, in short. */
export const LETTER_STEPS = [
  'ログインページ（下記URL）を開き、「初回ログインはこちら」をクリックします。',
  '初回メールアドレス登録画面で、本書の<strong>初回ログインID</strong>と<strong>初回パスワード</strong>、ご登録になる<strong>メールアドレス</strong>を入力し、「登録」をクリックします。',
  'ご登録のメールアドレスに<strong>2通のメール</strong>が届きます。1通目にお手続き完了用のURL、2通目にパスコードが記載されています（いずれも有効期限があります）。',
  `1通目のURLを開き、2通目の<strong>パスコード</strong>と<strong>新パスワード</strong>（${POLICY_WORDING.inShort}）を入力して「設定」をクリックします。`,
  '以上で登録完了です。<strong>以降はご登録のメールアドレスでログイン</strong>し、パスワードは設定したものをお使いください（初回ログインID・初回パスワードは使えなくなります）。',
];

const BROWSER_NOTICE = [
  'お客様サポートWEBの動作保証ブラウザはGoogle ChromeまたはMicrosoft Edgeとなります。',
  '画面が表示されない等ございましたら、お使いのブラウザをご確認ください。※Internet Explorerには対応していません。',
];

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The login page's address as printed: the origin and a final slash. */
const loginPageUrl = (siteUrl: string) => `${siteUrl.replace(/\/+$/, '')}/`;

const STYLE = `
@page { size: A4; margin: 0; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body {
  margin: 0; color: #111; font-size: 10pt; line-height: 1.5;
  font-family: "IPAPGothic", "IPAGothic", "Noto Sans CJK JP", "Hiragino Sans", "Yu Gothic", "Meiryo", sans-serif;
}
.letter {
  width: 210mm; height: 296mm; padding: 15mm 18mm 12mm; overflow: hidden;
  display: flex; flex-direction: column; break-after: page; page-break-after: always;
}
.letter > * { flex-shrink: 0; }
.letter:last-child { break-after: auto; page-break-after: auto; }
p { margin: 0; }
.head { display: flex; justify-content: space-between; align-items: flex-start; min-height: 42mm; }
.to { width: 104mm; font-size: 10pt; line-height: 1.4; }
.to .postal { margin-bottom: 1mm; }
.to .street { white-space: pre-line; margin-bottom: 2mm; }
.to .company, .to .person { font-size: 11.5pt; }
.from { text-align: right; font-size: 9pt; width: 66mm; }
h1 { font-size: 14pt; text-align: center; margin: 2mm 0 3mm; letter-spacing: 0.05em; }
h2 { font-size: 11pt; margin: 4mm 0 1.5mm; border-left: 1.2mm solid #1f4e8c; padding-left: 2mm; }
.intro { margin-bottom: 3mm; }
.credentials { width: 100%; border-collapse: collapse; }
.credentials th, .credentials td { border: 0.3mm solid #555; padding: 1.2mm 3mm; vertical-align: middle; text-align: left; }
.credentials th { width: 34mm; background: #eef2f7; font-weight: bold; white-space: nowrap; }
.mono, .url {
  font-family: "DejaVu Sans Mono", "Menlo", "Consolas", "Liberation Mono", monospace;
  font-variant-numeric: slashed-zero; font-feature-settings: "zero" 1; /* DejaVu Sans Mono: a dotted 0 */
}
.credential { font-size: 15pt; letter-spacing: 0.1em; font-weight: bold; }
.spelled { display: flex; flex-wrap: wrap; gap: 0.7mm; margin: 1mm 0 0; padding: 0; list-style: none; }
.spelled li { border: 0.2mm solid #999; border-radius: 0.8mm; min-width: 7.6mm; padding: 0.2mm 0.6mm; text-align: center; line-height: 1.2; }
.spelled .c { display: block; font-size: 11pt; font-weight: bold; }
.spelled .k { display: block; font-size: 5.5pt; color: #333; white-space: nowrap; }
.url { font-size: 11pt; word-break: break-all; }
.validity { font-weight: bold; }
.steps { margin: 0; padding-left: 6mm; font-size: 9.5pt; line-height: 1.45; }
.steps li { margin-bottom: 0.6mm; }
.notice { margin-top: 3mm; font-size: 8.5pt; }
.keep { margin-top: 1.5mm; font-size: 8.5pt; font-weight: bold; }
.contact { margin-top: auto; border: 0.3mm solid #555; padding: 2mm 4mm; font-size: 9pt; }
.contact .title { font-weight: bold; }
@media screen {
  body { background: #888; }
  .letter { background: #fff; margin: 8mm auto; box-shadow: 0 0 3mm rgba(0, 0, 0, 0.4); }
}
`;

function spelledOut(value: string): string {
  const cells = spell(value).map(
    ({ char, kind, name }) =>
      `<li><span class="c mono">${escapeHtml(char)}</span><span class="k">${kind}${name ? `<br>${name}` : ''}</span></li>`,
  );
  return `<ol class="spelled" aria-label="1文字ずつの表記">${cells.join('')}</ol>`;
}

function addressBlock(address: LetterAddress = {}): string {
  const lines: string[] = [];
  if (address.postalCode) lines.push(`<p class="postal">〒${escapeHtml(address.postalCode)}</p>`);
  if (address.postalAddress) lines.push(`<p class="street">${escapeHtml(address.postalAddress)}</p>`);
  if (address.companyName) lines.push(`<p class="company">${escapeHtml(address.companyName)}${address.contactName ? '' : ' 御中'}</p>`);
  if (address.contactName) lines.push(`<p class="person">${escapeHtml(address.contactName)} 様</p>`);
  if (lines.length === 0) lines.push('<p class="person">ご担当者様</p>');
  return lines.join('\n      ');
}

function renderLetter(letter: LetterContent, context: LetterContext): string {
  const url = loginPageUrl(context.siteUrl);
  const contact = escapeHtml(context.contact.name);
  // The sender as two lines: the company, then the department.
  const [company, ...department] = context.contact.name.split(/\s+/);
  return `<section class="letter" data-login-id="${escapeHtml(letter.loginId)}">
  <div class="head">
    <div class="to">
      ${addressBlock(letter.address)}
    </div>
    <div class="from">
      <p>${japanDate(context.producedAt)}</p>
      <p>${escapeHtml(company!)}</p>
      ${department.length > 0 ? `<p>${escapeHtml(department.join(' '))}</p>` : ''}
    </div>
  </div>
  <h1>${LETTER_TITLE}</h1>
  <p class="intro">お客様サポートWEBのアカウント登録に必要な初回ログインIDと初回パスワードをお知らせいたします。</p>
  <table class="credentials">
    <tr>
      <th scope="row">初回ログインID</th>
      <td><span class="credential mono" data-credential="loginId">${escapeHtml(letter.loginId)}</span>${spelledOut(letter.loginId)}</td>
    </tr>
    <tr>
      <th scope="row">初回パスワード</th>
      <td><span class="credential mono" data-credential="initialPassword">${escapeHtml(letter.initialPassword)}</span>${spelledOut(letter.initialPassword)}</td>
    </tr>
    <tr>
      <th scope="row">有効期限</th>
      <td class="validity" data-credential="expiresAt">${japanDateTime(letter.expiresAt)}まで（日本時間）</td>
    </tr>
    <tr>
      <th scope="row">ログインページ</th>
      <td><span class="url" data-credential="siteUrl">${escapeHtml(url)}</span></td>
    </tr>
  </table>
  <h2>アカウント登録の手順</h2>
  <ol class="steps">
    ${LETTER_STEPS.map((step) => `<li>${step}</li>`).join('\n    ')}
  </ol>
  <p class="notice">${BROWSER_NOTICE.join('<br>')}</p>
  <p class="keep">本書には初回パスワードが記載されています。第三者の目に触れないよう保管し、登録完了後は破棄してください。有効期限を過ぎた場合やご不明な点は、下記お問合せ先までご連絡ください。</p>
  <div class="contact">
    <p class="title">本ご案内に関するお問合せ先</p>
    <p>宛先 : ${contact}</p>
    <p>メールアドレス : <span class="mono">${escapeHtml(context.contact.email)}</span></p>
  </div>
</section>`;
}

/** One HTML document with every letter, one per A4 page. */
export function renderLettersHtml(letters: readonly LetterContent[], context: LetterContext): string {
  return `<!DOCTYPE html>
<html lang="ja">
<head>
<meta charset="utf-8">
<meta name="robots" content="noindex">
<title>${LETTER_TITLE}（${letters.length}通）</title>
<style>${STYLE}</style>
</head>
<body>
${letters.map((letter) => renderLetter(letter, context)).join('\n')}
</body>
</html>
`;
}
