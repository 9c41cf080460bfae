import fc from 'fast-check';
import { generateJoinCode, JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH } from './join-code';

describe('join code alphabet', () => {
  it('has no look-alike characters and no duplicates', () => {
    for (const lookAlike of ['0', 'O', '1', 'I', 'L']) expect(JOIN_CODE_ALPHABET).not.toContain(lookAlike);
    expect(new Set(JOIN_CODE_ALPHABET).size).toBe(JOIN_CODE_ALPHABET.length);
    expect(JOIN_CODE_ALPHABET).toHaveLength(31);
  });

  it('is exactly what the database check ck_evening_join_code accepts', () => {
    const all = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'.split('');
    const accepted = all.filter((c) => /^[A-HJKMNP-Z2-9]$/.test(c)).join('');
    expect(accepted).toBe(JOIN_CODE_ALPHABET);
  });
});

describe('generateJoinCode', () => {
  it('makes six characters the database accepts', () => {
    for (let i = 0; i < 500; i++) expect(generateJoinCode()).toMatch(/^[A-HJKMNP-Z2-9]{6}$/);
  });

  it('can produce every character at every position (no bias to one end of the alphabet)', () => {
    expect(generateJoinCode(() => 0)).toBe('AAAAAA');
    expect(generateJoinCode(() => JOIN_CODE_ALPHABET.length - 1)).toBe('999999');
    fc.assert(
      fc.property(fc.array(fc.nat({ max: JOIN_CODE_ALPHABET.length - 1 }), { minLength: 6, maxLength: 6 }), (picks) => {
        let i = 0;
        const code = generateJoinCode(() => picks[i++]);
        expect(code).toBe(picks.map((p) => JOIN_CODE_ALPHABET[p]).join(''));
      }),
    );
  });

  it('asks the random source for a number below the alphabet size, once per character', () => {
    const asked: number[] = [];
    generateJoinCode((n) => {
      asked.push(n);
      return 0;
    });
    expect(asked).toEqual(Array(JOIN_CODE_LENGTH).fill(JOIN_CODE_ALPHABET.length));
  });

  it('rarely repeats itself', () => {
    const codes = new Set(Array.from({ length: 2000 }, () => generateJoinCode()));
    expect(codes.size).toBeGreaterThan(1990);
  });
});
