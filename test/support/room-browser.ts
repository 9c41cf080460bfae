import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { launchChromium } from './browser';
import type { StaffSession, TestApp } from './test-app';
import { bootTestApp } from './test-app';
import { freePort } from './processes';
import { ALLOWED_ORIGIN } from './live-client';

/**
 * What the room's browser suites (projector, console) share: Chromium (./browser.ts) against the real platform
 * on a port chosen up front (so ALLOWED_ORIGINS names the pages' origin, and the Node socket clients' origin as
 * well), and staff signed in as the sign-in page leaves them.
 */
export const ARTIFACTS = join(process.cwd(), 'test', 'artifacts');

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
  const browser = await launchChromium();
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
