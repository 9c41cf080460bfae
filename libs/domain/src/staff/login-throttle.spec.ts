import fc from 'fast-check';
import { LOGIN_FIRST_DELAY_MS, LOGIN_FREE_FAILURES, LOGIN_MAX_DELAY_MS, loginDelayMs } from './login-throttle';

describe('loginDelayMs', () => {
  it('costs nothing for the first few mistakes, then doubles from the first delay', () => {
    for (let failures = 0; failures <= LOGIN_FREE_FAILURES; failures++) expect(loginDelayMs(failures)).toBe(0);
    expect(loginDelayMs(LOGIN_FREE_FAILURES + 1)).toBe(LOGIN_FIRST_DELAY_MS);
    expect(loginDelayMs(LOGIN_FREE_FAILURES + 2)).toBe(2 * LOGIN_FIRST_DELAY_MS);
    expect(loginDelayMs(LOGIN_FREE_FAILURES + 3)).toBe(4 * LOGIN_FIRST_DELAY_MS);
  });

  it('never shrinks as failures grow and never passes the maximum', () => {
    fc.assert(
      fc.property(fc.nat(10_000), (failures) => {
        const delay = loginDelayMs(failures);
        return delay <= LOGIN_MAX_DELAY_MS && delay <= loginDelayMs(failures + 1);
      }),
    );
    expect(loginDelayMs(1_000_000)).toBe(LOGIN_MAX_DELAY_MS);
  });
});
