/**
 * The letters' HTML printed to PDF by headless Chromium (the system browser, as the browser tests
 * use it): the same engine that lays out the page prints it, with the machine's Japanese fonts.
 */
import { existsSync } from 'node:fs';

const CHROMIUM_PATH = () => process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

class PdfUnavailableError extends Error {}

export async function renderPdf(html: string): Promise<Buffer> {
  const executablePath = CHROMIUM_PATH();
  if (!existsSync(executablePath)) {
    throw new PdfUnavailableError(`no Chromium at ${executablePath} (install chromium, or set CHROMIUM_PATH)`);
  }
  const { chromium } = await import('playwright-core');
  const browser = await chromium
    .launch({
      executablePath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    })
    .catch((error: Error) => {
      throw new PdfUnavailableError(`Chromium at ${executablePath} did not start: ${error.message.split('\n')[0]}`);
    });
  try {
    const page = await browser.newPage();
    // Nothing of the letters may leave the machine: the document needs no network at all.
    await page.route('**/*', (route) => route.abort());
    await page.setContent(html, { waitUntil: 'load' });
    await page.emulateMedia({ media: 'print' });
    const overflowing = await page.$$eval('.letter', (letters) =>
      letters.filter((letter) => letter.scrollHeight > letter.clientHeight + 1).map((letter) => (letter as HTMLElement).dataset.loginId),
    );
    if (overflowing.length > 0) throw new Error(`letters longer than one page (${overflowing.join(', ')})`);
    return await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
  } finally {
    await browser.close();
  }
}
