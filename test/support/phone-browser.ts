import type { Browser, BrowserContextOptions, Page } from 'playwright-core';

/** The phone of the evening run: 360 × 740, touch. `locale` sets navigator.languages and Accept-Language. */
export const SMALL_PHONE: BrowserContextOptions = {
  viewport: { width: 360, height: 740 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
};

export async function phonePage(browser: Browser, locale = 'nl-NL', extra: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext({ ...SMALL_PHONE, locale, ...extra });
  const page = await context.newPage();
  page.on('pageerror', (error) => process.stderr.write(`page error: ${error.message}\n`));
  return page;
}
