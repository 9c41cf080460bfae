import { createHmac } from 'node:crypto';
import { loadConfig } from '@hs/config';
import { TokenService } from './token.service';

const SECRET = 'a-test-secret-that-is-long-enough-0123456789';
const service = (secret = SECRET) => new TokenService(loadConfig({ JWT_SECRET: secret }));
const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** An HS256 token made by hand, so the check does not depend on the code under test to sign. */
function handMade(claims: object, secret = SECRET, header: object = { alg: 'HS256', typ: 'JWT' }): string {
  const body = `${b64(header)}.${b64(claims)}`;
  return `${body}.${createHmac('sha256', secret).update(body).digest('base64url')}`;
}
const now = () => Math.floor(Date.now() / 1000);

describe('TokenService', () => {
  it('verifies what it signs, for staff and for participants', () => {
    const tokens = service();
    expect(tokens.verify(tokens.signStaff('u1', 'analyst'))).toEqual({ kind: 'staff', userId: 'u1', role: 'analyst' });
    expect(tokens.verify(tokens.signParticipant('p1', 'e1'))).toEqual({
      kind: 'participant',
      participantId: 'p1',
      eveningId: 'e1',
    });
  });

  it('accepts a standard HS256 token signed with the configured secret (tokens survive the key being a KeyObject)', () => {
    const token = handMade({ typ: 'staff', role: 'admin', sub: 'u2', iss: 'huurdersstem', iat: now(), exp: now() + 60 });
    expect(service().verify(token)).toEqual({ kind: 'staff', userId: 'u2', role: 'admin' });
  });

  it('refuses another secret, an expired token, another issuer, alg none and junk', () => {
    const claims = { typ: 'staff', role: 'admin', sub: 'u2', iss: 'huurdersstem', iat: now(), exp: now() + 60 };
    const tokens = service();
    expect(tokens.verify(handMade(claims, 'another-secret-that-is-long-enough-012345'))).toBeNull();
    expect(tokens.verify(handMade({ ...claims, exp: now() - 10 }))).toBeNull();
    expect(tokens.verify(handMade({ ...claims, iss: 'elsewhere' }))).toBeNull();
    expect(tokens.verify(`${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims)}.`)).toBeNull();
    expect(tokens.verify(service('yet-another-secret-long-enough-0123456789').signStaff('u1', 'admin'))).toBeNull();
    for (const junk of [undefined, 42, '', 'x'.repeat(5000), 'a.b.c', { token: 'x' }]) expect(tokens.verify(junk)).toBeNull();
  });
});
