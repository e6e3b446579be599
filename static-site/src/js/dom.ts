/** Small DOM look-ups that fail loudly when a page and its script disagree. */
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`#${id} is missing from the page`);
  return element as T;
}

export function field(form: HTMLFormElement, name: string): HTMLInputElement {
  const input = form.elements.namedItem(name);
  if (!(input instanceof HTMLInputElement)) throw new Error(`field ${name} is missing from the form`);
  return input;
}

/** Swaps one part of the page for another and moves focus there, so screen readers follow. */
export function replaceView(from: HTMLElement, to: HTMLElement): void {
  from.hidden = true;
  to.hidden = false;
  const heading = to.querySelector<HTMLElement>('[tabindex="-1"]') ?? to;
  if (!heading.hasAttribute('tabindex')) heading.tabIndex = -1;
  heading.focus();
}

/** A new element with its text and class, for lists a script builds. */
export function element<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

/** A new element with the given properties, for dialogs a script builds. */
export function elementWith<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<HTMLElementTagNameMap[K]> = {},
): HTMLElementTagNameMap[K] {
  return Object.assign(document.createElement(tag), props);
}

/** What a notice is, for its look (css .notice-*); a problem is an alert (warn), never a notice. */
export type NoticeKind = 'success' | 'info' | 'warning';

const NOTICE_KINDS: readonly NoticeKind[] = ['success', 'info', 'warning'];

/** A message in a status region (role=status), styled as its kind. */
export function showNotice(region: HTMLElement, message: string, kind: NoticeKind): void {
  region.classList.remove(...NOTICE_KINDS.map((k) => `notice-${k}`));
  region.classList.add(`notice-${kind}`);
  region.textContent = message;
}

/** A line in the page's status region (done: success; otherwise information); clears the alert. */
export function tell(message: string, kind: NoticeKind = 'success'): void {
  byId('form-alert').replaceChildren();
  showNotice(byId('page-status'), message, kind);
}

/** A problem in the page's alert region; clears the status line. */
export function warn(message: string): void {
  byId('page-status').replaceChildren();
  byId('form-alert').textContent = message;
}
