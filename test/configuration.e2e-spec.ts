import { spawn } from 'node:child_process';

interface Exit {
  code: number | null;
  stderr: string;
  stdout: string;
}

/**
 * Starts the real entry point (apps/server/src/main.ts through ts-node, as a fresh process) with only
 * the given variables besides PATH, so nothing of the test run's environment leaks in.
 */
function startEntryPoint(env: Record<string, string>): Promise<Exit> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'apps/server/src/main.ts'],
      { cwd: process.cwd(), env: { PATH: process.env.PATH ?? '', TS_NODE_PROJECT: 'tsconfig.json', ...env } },
    );
    let stderr = '';
    let stdout = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr, stdout }));
  });
}

describe('bad configuration (e2e, real entry point)', () => {
  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ ROLE: 'x' }, 'ROLE'],
    [{ NODE_ENV: 'production' }, 'JWT_SECRET'],
    [{ SUPPRESS_BELOW: '-3' }, 'SUPPRESS_BELOW'],
    [{ DATABASE_URL: 'mysql://root@localhost/db' }, 'DATABASE_URL'],
    [{ METRICS_TOKEN: 'short' }, 'METRICS_TOKEN'],
    [{ BACKPLANE: 'kafka' }, 'BACKPLANE'],
    [{ BACKPLANE: 'local', ROLE: 'gateway' }, 'BACKPLANE'],
  ])('stops %j with exit code 1 and one line naming %s', async (env, variable) => {
    const exit = await startEntryPoint(env);
    expect(exit.code).toBe(1);
    const lines = exit.stderr.split('\n').filter((line) => line.trim() !== '');
    expect(lines).toEqual([expect.stringMatching(new RegExp(`^Configuration error: ${variable} `))]);
  });

  it('stops with exit code 1 and says why when PostgreSQL cannot be reached', async () => {
    const exit = await startEntryPoint({ DATABASE_URL: 'postgres://postgres@127.0.0.1:1/hs_unreachable', PORT: '3998' });
    expect(exit.code).toBe(1);
    expect(exit.stderr).toMatch(/could not start: .*ECONNREFUSED/);
  });
});
