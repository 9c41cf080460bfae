import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';

/**
 * The one definition every browser spec shares: Debian's Chromium (through playwright-core), how it is launched,
 * when the browser specs skip, and axe-core's verdict on a page. room-browser.ts (the room's boot and staff
 * sessions) and phone-browser.ts (the tenant's phone) build on these.
 */
export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];

const chromiumMissing = !existsSync(CHROMIUM);
// A developer without Chromium gets a notice; CI (REQUIRE_BROWSER=1, set by .ci/run) gets a failure instead.
export const describeWithChromium = chromiumMissing && !process.env.REQUIRE_BROWSER ? describe.skip : describe;
if (chromiumMissing && !process.env.REQUIRE_BROWSER)
  process.stderr.write(`browser tests skipped: ${CHROMIUM} is missing (apt-get install chromium)\n`);

/** Launches Debian's Chromium; `hosts` are extra names that resolve to this machine (a venue laptop's name). */
export function launchChromium(hosts: string[] = []): Promise<Browser> {
  const rules = hosts.map((host) => `MAP ${host} 127.0.0.1`).join(', ');
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [...CHROMIUM_FLAGS, ...(rules ? [`--host-resolver-rules=${rules}`] : [])],
  });
}

export interface AxeViolation {
  id: string;
  impact: 'serious' | 'critical';
  /** CSS selectors of the offending elements, so a failure says where to look. */
  targets: string[];
}

const AXE_SOURCE = readFileSync(join(process.cwd(), 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

/**
 * axe-core's violations of impact serious or critical on the page as it is now. The source is evaluated through
 * the DevTools protocol, which the page's Content-Security-Policy does not govern. Assert `toEqual([])`.
 */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate('typeof axe !== "undefined"'))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(
    `axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((n) => n.target.join(' ')) })))`,
  );
}

/** Fails with the page state's name (by default its address) and axe-core's serious or critical violations, if any. */
export async function expectAccessible(page: Page, state = page.url()): Promise<void> {
  expect({ state, violations: await seriousViolations(page) }).toEqual({ state, violations: [] });
}
