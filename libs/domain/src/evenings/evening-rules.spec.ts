import { DomainError, EVENING_STATUSES, type EveningStatus } from '@hs/contracts';
import { assertPatchAllowed, assertRegistrationAccepted, type EveningAction, nextEveningStatus } from './evening-rules';

function codeOf(fn: () => void): string | null {
  try {
    fn();
    return null;
  } catch (error) {
    return error instanceof DomainError ? error.code : 'not a DomainError';
  }
}

describe('evening state machine', () => {
  const allowed: Array<[EveningStatus, EveningAction, EveningStatus]> = [
    ['draft', 'publish', 'published'],
    ['published', 'start', 'live'],
    ['live', 'end', 'ended'],
  ];

  it.each(allowed)('moves %s by %s to %s', (from, action, to) => {
    expect(nextEveningStatus(from, action)).toBe(to);
  });

  it('refuses every other move, including repeating one and going back', () => {
    const actions: EveningAction[] = ['publish', 'start', 'end'];
    let refused = 0;
    for (const from of EVENING_STATUSES) {
      for (const action of actions) {
        if (allowed.some(([f, a]) => f === from && a === action)) continue;
        expect(nextEveningStatus(from, action)).toBeNull();
        refused++;
      }
    }
    expect(refused).toBe(EVENING_STATUSES.length * actions.length - allowed.length);
  });
});

describe('assertPatchAllowed', () => {
  it('lets everything change before the evening is live', () => {
    const patch = { title: 't', municipality: 'm', venue: 'v', startsAt: new Date(), capacity: null, joinMode: 'cards' as const };
    expect(codeOf(() => assertPatchAllowed('draft', patch))).toBeNull();
    expect(codeOf(() => assertPatchAllowed('published', patch))).toBeNull();
  });

  it('lets only title, venue and capacity change while live', () => {
    expect(codeOf(() => assertPatchAllowed('live', { title: 't', venue: 'v', capacity: 10 }))).toBeNull();
    expect(codeOf(() => assertPatchAllowed('live', { joinMode: 'open' }))).toBe('INVALID_TRANSITION');
    expect(codeOf(() => assertPatchAllowed('live', { municipality: 'Harlingen' }))).toBe('INVALID_TRANSITION');
    expect(codeOf(() => assertPatchAllowed('live', { startsAt: new Date() }))).toBe('INVALID_TRANSITION');
  });

  it('refuses any change once ended, but an empty patch is no change', () => {
    expect(codeOf(() => assertPatchAllowed('ended', { title: 't' }))).toBe('EVENING_ENDED');
    expect(codeOf(() => assertPatchAllowed('ended', {}))).toBeNull();
  });
});

describe('assertRegistrationAccepted', () => {
  it('takes sign-ups only for a published evening', () => {
    expect(codeOf(() => assertRegistrationAccepted({ status: 'published', capacity: null }, 1000))).toBeNull();
    for (const status of ['draft', 'live', 'ended'] as const) {
      expect(codeOf(() => assertRegistrationAccepted({ status, capacity: null }, 0))).toBe('EVENING_NOT_OPEN_FOR_REGISTRATION');
    }
  });

  it('refuses the sign-up after the last seat', () => {
    expect(codeOf(() => assertRegistrationAccepted({ status: 'published', capacity: 3 }, 2))).toBeNull();
    expect(codeOf(() => assertRegistrationAccepted({ status: 'published', capacity: 3 }, 3))).toBe('EVENING_FULL');
  });

  it('takes one registration per e-mail address, even with seats left', () => {
    expect(codeOf(() => assertRegistrationAccepted({ status: 'published', capacity: null }, 1, true))).toBe(
      'REGISTRATION_EXISTS',
    );
    expect(codeOf(() => assertRegistrationAccepted({ status: 'live', capacity: null }, 1, true))).toBe(
      'EVENING_NOT_OPEN_FOR_REGISTRATION',
    );
  });
});
