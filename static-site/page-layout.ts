/**
 * Every page shares one scaffold (`src/partials/layout.html`: head, header, main, footer). A page
 * file holds only what is its own: a front-matter comment at its top, then its body.
 *
 *   <!-- page
 *     title: パスワード変更
 *     script: change-password
 *     header: signed-in
 *   -->
 *   <section class="card">…</section>
 *
 * `title` is the page's name (the site's name is added; the login page has none of its own),
 * `script` the page script under `js/`, `header` which header it shows (`public` or `signed-in`).
 * Text from the build goes in through `{{slot}}` marks; a mark nobody fills fails the build.
 */
const SITE_NAME = 'お客様サポートWEB';

const HEADERS = ['public', 'signed-in'] as const;
type Header = (typeof HEADERS)[number];

export interface Page {
  title?: string;
  script: string;
  header: Header;
  body: string;
}

const FRONT_MATTER = /^<!--\s*page\s*\n([\s\S]*?)-->\n/;
const SLOT = /\{\{\s*([a-z][a-z0-9-]*)\s*\}\}/g;

/** The page's front matter and body; a missing or wrong field fails the build. */
export function parsePage(source: string, name: string): Page {
  const match = FRONT_MATTER.exec(source);
  if (!match) throw new Error(`${name}: no <!-- page … --> front matter at the top`);
  const fields = new Map<string, string>();
  for (const line of match[1]!
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)) {
    const colon = line.indexOf(':');
    if (colon < 1) throw new Error(`${name}: front matter line "${line}" is not "key: value"`);
    fields.set(line.slice(0, colon).trim(), line.slice(colon + 1).trim());
  }
  const unknown = [...fields.keys()].filter((key) => !['title', 'script', 'header'].includes(key));
  if (unknown.length > 0) throw new Error(`${name}: unknown front matter ${unknown.join(', ')}`);
  const script = fields.get('script');
  if (!script) throw new Error(`${name}: the front matter names no script`);
  const header = fields.get('header');
  if (!HEADERS.includes(header as Header)) throw new Error(`${name}: header must be one of ${HEADERS.join(', ')}`);
  return { title: fields.get('title'), script, header: header as Header, body: source.slice(match[0].length) };
}

/** The page inside the layout; partials are expanded afterwards, as in any page. */
export function wrapInLayout(page: Page, layout: string, name: string): string {
  return fillSlots(
    layout,
    {
      title: escapeHtml(page.title ? `${page.title} | ${SITE_NAME}` : SITE_NAME),
      script: escapeHtml(page.script),
      header: page.header,
      body: page.body.replace(/^\n+/, '').trimEnd(),
    },
    name,
  );
}

/** Every `{{name}}` replaced by its (already HTML) value; a name without a value fails the build. */
export function fillSlots(html: string, values: Readonly<Record<string, string>>, name: string): string {
  return html.replace(SLOT, (_, slot: string) => {
    if (!Object.hasOwn(values, slot)) throw new Error(`${name}: nothing fills {{${slot}}}`);
    return values[slot]!;
  });
}

/** Text as HTML; `'` stays as it is, since no value goes into a single-quoted attribute. */
export const escapeHtml = (text: string): string =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
