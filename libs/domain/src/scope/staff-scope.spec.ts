import { DomainError } from '@hs/contracts';
import { allowsAll, allowsMunicipality, EVERYTHING, narrowMunicipalities, normalizeMunicipalities, scopeOf } from './staff-scope';

describe('staff scope', () => {
  const leeuwarden = scopeOf({ role: 'tenant_org', municipalities: ['Leeuwarden'] });

  it('gives admins, analysts and facilitators every municipality', () => {
    for (const role of ['admin', 'analyst', 'facilitator'] as const)
      expect(scopeOf({ role, municipalities: [] })).toEqual(EVERYTHING);
  });

  it('gives tenant organisations and municipalities their own list, trimmed and without duplicates', () => {
    expect(scopeOf({ role: 'municipality', municipalities: [' Harlingen', 'harlingen', 'Leeuwarden '] })).toEqual({
      kind: 'municipalities',
      municipalities: ['Harlingen', 'Leeuwarden'],
    });
    expect(normalizeMunicipalities(['', '  '])).toEqual([]);
  });

  it('compares names without case or surrounding spaces', () => {
    expect(allowsMunicipality(leeuwarden, ' LEEUWARDEN')).toBe(true);
    expect(allowsMunicipality(leeuwarden, 'Harlingen')).toBe(false);
    expect(allowsMunicipality(EVERYTHING, 'Harlingen')).toBe(true);
  });

  it('does not count an evening shared with another municipality as its own', () => {
    expect(allowsAll(leeuwarden, ['Leeuwarden'])).toBe(true);
    expect(allowsAll(leeuwarden, ['Leeuwarden', 'Harlingen'])).toBe(false);
    expect(allowsAll(leeuwarden, [])).toBe(false);
  });

  it('narrows an absent filter to the own municipalities and refuses a foreign one', () => {
    expect(narrowMunicipalities(leeuwarden, undefined)).toEqual(['Leeuwarden']);
    expect(narrowMunicipalities(leeuwarden, ['leeuwarden'])).toEqual(['leeuwarden']);
    expect(() => narrowMunicipalities(leeuwarden, ['Leeuwarden', 'Harlingen'])).toThrow(DomainError);
    expect(narrowMunicipalities(EVERYTHING, undefined)).toBeUndefined();
    expect(narrowMunicipalities(EVERYTHING, ['Harlingen'])).toEqual(['Harlingen']);
  });
});
