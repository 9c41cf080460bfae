import { existsSync, readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import type { StaffSession, TestApp } from './test-app';
import { bootTestApp } from './test-app';
import { freePort } from './processes';
import { ALLOWED_ORIGIN } from './live-client';

/**
 * What the room's browser suites (projector, console) share: Debian's Chromium through playwright-core
 * against the real platform on a port chosen up front (so ALLOWED_ORIGINS names the pages' origin, and the
 * Node socket clients' origin as well), staff signed in as the sign-in page leaves them, and axe-core.
 */
export const CHROMIUM = '/usr/bin/chromium';
export const ARTIFACTS = join(process.cwd(), 'test', 'artifacts');
const AXE_SOURCE = readFileSync(join(process.cwd(), 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

// A developer without Chromium gets a notice; CI (REQUIRE_BROWSER=1, set by .ci/run) gets a failure instead.
export const describeWithChromium = existsSync(CHROMIUM) || process.env.REQUIRE_BROWSER ? describe : describe.skip;
if (!existsSync(CHROMIUM) && !process.env.REQUIRE_BROWSER)
  process.stderr.write(`browser tests skipped: ${CHROMIUM} is missing (apt-get install chromium)\n`);

export interface Room {
  t: TestApp;
  url: string;
  browser: Browser;
  close(): Promise<void>;
}

export async function openRoom(env: Record<string, string> = {}): Promise<Room> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const t = await bootTestApp(
    { PORT: String(port), ALLOWED_ORIGINS: `${url},${ALLOWED_ORIGIN}`, PUBLIC_URL: url, ...env },
    { port },
  );
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  await mkdir(ARTIFACTS, { recursive: true });
  return {
    t,
    url,
    browser,
    close: async () => {
      await browser.close();
      await t.close();
    },
  };
}

/** A browser context signed in as `staff` (sessionStorage as /login leaves it), reporting page errors. */
export async function staffContext(
  room: Room,
  staff: StaffSession,
  viewport: { width: number; height: number },
): Promise<BrowserContext> {
  const context = await room.browser.newContext({ viewport });
  const session = JSON.stringify({
    accessToken: staff.token,
    user: { id: staff.id, name: `Test ${staff.role}`, role: staff.role },
  });
  // about:blank, where every page starts, has no sessionStorage of its own: only the app's pages take the session.
  await context.addInitScript({ content: `try { sessionStorage.setItem('hs.staff', ${JSON.stringify(session)}); } catch {}` });
  context.on('page', (page) => page.on('pageerror', (error) => process.stderr.write(`page error: ${error.message}\n`)));
  return context;
}

/** axe-core's violations of impact serious or critical on the page as it is now (evaluated past the CSP). */
export async function seriousViolations(page: Page): Promise<Array<{ id: string; targets: string[] }>> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(
    `axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) })))`,
  );
}
