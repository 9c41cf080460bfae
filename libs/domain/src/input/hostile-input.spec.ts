import fc from 'fast-check';
import { findHostileInput, MAX_INPUT_DEPTH, urlHasNul } from './hostile-input';

const nestedObject = (levels: number): unknown => {
  let value: unknown = 1;
  for (let i = 0; i < levels; i++) value = { a: value };
  return value;
};

describe('findHostileInput', () => {
  it('accepts what our requests look like', () => {
    expect(
      findHostileInput({
        title: 'Bewonersavond',
        options: [{ label: 'Ja', translations: { en: { label: 'Yes' }, fy: { label: 'Ja' } } }],
        choice: { allocation: { 'b7c2…': 3 } },
      }),
    ).toBeNull();
    expect(findHostileInput(undefined)).toBeNull();
    expect(findHostileInput('tekst')).toBeNull();
  });

  it(`allows ${MAX_INPUT_DEPTH} levels and refuses one more, for objects and arrays alike`, () => {
    expect(findHostileInput(nestedObject(MAX_INPUT_DEPTH))).toBeNull();
    expect(findHostileInput(nestedObject(MAX_INPUT_DEPTH + 1))).toBe('too-deep');
    let array: unknown = [];
    for (let i = 0; i < MAX_INPUT_DEPTH + 1; i++) array = [array];
    expect(findHostileInput(array)).toBe('too-deep');
  });

  it('walks 100,000 levels without overflowing the stack', () => {
    expect(findHostileInput(nestedObject(100_000))).toBe('too-deep');
  });

  it('finds a NUL in a value or a key at any depth', () => {
    expect(findHostileInput({ a: [{ b: 'x\u0000y' }] })).toBe('nul');
    expect(findHostileInput({ households: { 'Leeu\u0000warden': 1 } })).toBe('nul');
  });

  it('finds prototype keys, also as own keys made by JSON.parse', () => {
    expect(findHostileInput(JSON.parse('{"a":{"__proto__":{"x":1}}}'))).toBe('prototype-key');
    expect(findHostileInput({ constructor: 1 })).toBe('prototype-key');
    expect(findHostileInput([{ prototype: {} }])).toBe('prototype-key');
  });

  it('finds nothing in any JSON value without NULs, forbidden keys or deep nesting', () => {
    const safeText = fc.string().filter((s) => !s.includes('\u0000') && !['__proto__', 'constructor', 'prototype'].includes(s));
    const json = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        safeText,
        fc.integer(),
        fc.boolean(),
        fc.constant(null),
        tie('array'),
        tie('object'),
      ),
      array: fc.array(tie('value'), { maxLength: 4 }),
      object: fc.dictionary(safeText, tie('value'), { maxKeys: 4 }),
    })).value;
    fc.assert(fc.property(json, (value) => findHostileInput(value, 1000) === null));
  });

  it('finds the NUL that a fuzzer hides anywhere in a string', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (before, after) => findHostileInput({ text: [`${before}\u0000${after}`] }) === 'nul'),
    );
  });
});

describe('urlHasNul', () => {
  it('sees a raw or percent-encoded NUL and nothing else', () => {
    expect(urlHasNul('/api/policy-input?municipality=Leeu%00warden')).toBe(true);
    expect(urlHasNul('/api/x\u0000')).toBe(true);
    expect(urlHasNul('/api/policy-input?municipality=Leeuwarden%20Oost&x=%2500')).toBe(false);
  });
});
