/**
 * Where every page script starts. Each page shows the browser notice (Chrome or Edge; not
 * Internet Explorer) and hides its forms by CSS alone, until this script finds a browser it can
 * serve and adds `supported` to <html>. So a browser whose script never runs (Internet Explorer
 * cannot even parse the ES2020 bundles; JavaScript switched off) keeps showing the notice, and
 * so does one that runs it but is Internet Explorer or lacks what the pages use.
 *
 * Page scripts load in <head> without `defer`, so the class is set before the body is drawn: a
 * supported browser never flashes the notice.
 */
import { fillCopyrightYear } from './copyright-year';
import { applySiteSettings } from './site-settings';

export const SUPPORTED_CLASS = 'supported';

/** Internet Explorer 10 and older say MSIE; 11 says Trident. */
const INTERNET_EXPLORER = /MSIE |Trident\//;

export function isSupportedBrowser(): boolean {
  if (INTERNET_EXPLORER.test(navigator.userAgent)) return false;
  return (
    typeof window.fetch === 'function' &&
    typeof window.URLSearchParams === 'function' &&
    typeof window.Promise === 'function' &&
    typeof Element.prototype.replaceChildren === 'function' &&
    typeof Intl === 'object' &&
    typeof Intl.DateTimeFormat === 'function'
  );
}

/** Shows the page's forms in a supported browser and runs `main` once the page is parsed. */
export function startPage(main: () => void): void {
  if (!isSupportedBrowser()) return;
  document.documentElement.classList.add(SUPPORTED_CLASS);
  const run = () => {
    void applySiteSettings();
    fillCopyrightYear();
    main();
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', run, { once: true });
  else run();
}
