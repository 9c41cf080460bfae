import { join } from 'node:path';

/**
 * Where the pages live. Resolved from the working directory (the repository root for `npm start`,
 * `npm test` and the container alike): there is no __dirname in the ESM test run.
 */
export const PUBLIC_DIR = join(process.cwd(), 'apps', 'web', 'public');
export const ASSETS_DIR = join(PUBLIC_DIR, 'assets');
/** The Socket.IO browser client, served as /assets/vendor/socket.io/socket.io.esm.min.js. */
export const SOCKET_IO_CLIENT_DIR = join(process.cwd(), 'node_modules', 'socket.io-client', 'dist');
/** Chart.js's UMD build for the dashboard, served as /assets/vendor/chart.js/chart.umd.min.js. */
export const CHART_JS_DIR = join(process.cwd(), 'node_modules', 'chart.js', 'dist');

/** The page routes of docs/API.md ("Pages") and the HTML file that answers each. */
export const PAGES = {
  tenant: 'tenant.html',
  login: 'login.html',
  evenings: 'evenings.html',
  facilitate: 'facilitate.html',
  screen: 'screen.html',
  policy: 'policy.html',
  feedback: 'terugkoppeling.html',
  register: 'register.html',
} as const;
export type PageName = keyof typeof PAGES;
