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
