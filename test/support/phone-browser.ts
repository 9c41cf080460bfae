import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type BrowserContextOptions, chromium, type Page } from 'playwright-core';

// Debian's Chromium and the skip-when-missing rule are room-browser's: one definition for the browser specs.
import { CHROMIUM, describeWithChromium } from './room-browser';
export { CHROMIUM, describeWithChromium };

/** Launches Debian's Chromium; `hosts` maps extra names to this machine. */

export function launchChromium(hosts: string[] = []): Promise<Browser> {
  const rules = hosts.map((host) => `MAP ${host} 127.0.0.1`).join(', ');
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      ...(rules ? [`--host-resolver-rules=${rules}`] : []),
    ],
  });
}

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

const AXE = readFileSync(join(process.cwd(), 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

/** axe-core's violations of impact serious or critical on the page as it is now, as "rule: target" lines. */
export async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  const result = await page.evaluate(() =>
    (
      globalThis as unknown as {
        axe: { run(): Promise<{ violations: Array<{ id: string; impact: string | null; nodes: Array<{ target: unknown }> }> }> };
      }
    ).axe.run(),
  );
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`);
}
