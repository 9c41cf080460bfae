import { isDisclosive, suppressedKeys } from './suppression';

const cells = (...ns: Array<[string, number]>) => ns.map(([key, n]) => ({ key, n }));
const hidden = (...ns: Array<[string, number]>) => [...suppressedKeys(cells(...ns), 5)].sort();

describe('suppression (threshold 5)', () => {
  it('hides nothing when every cell has at least 5', () => {
    expect(hidden(['a', 10], ['b', 8], ['c', 5])).toEqual([]);
  });

  it('hides a single small cell together with the next smallest (total − visible would reveal it)', () => {
    expect(hidden(['a', 10], ['b', 8], ['c', 3])).toEqual(['b', 'c']);
  });

  it('keeps hiding while the hidden cells together hold fewer than 5', () => {
    expect(hidden(['a', 10], ['b', 2], ['c', 2])).toEqual(['a', 'b', 'c']);
    expect(hidden(['a', 10], ['b', 2], ['c', 2], ['d', 30])).toEqual(['a', 'b', 'c']);
  });

  it('stops once two or more hidden cells hold at least 5 together', () => {
    expect(hidden(['a', 30], ['b', 4], ['c', 4])).toEqual(['b', 'c']);
  });

  it('treats the unknown segment as a cell', () => {
    expect(hidden(['tenant', 20], ['stakeholder', 1], ['unknown', 9])).toEqual(['stakeholder', 'unknown']);
  });

  it('hides a lone cell below the threshold (it is the whole total)', () => {
    expect(hidden(['tenant', 3])).toEqual(['tenant']);
  });

  it('breaks ties between equal cells by key, so the outcome does not depend on order', () => {
    expect(hidden(['b', 7], ['a', 7], ['c', 2])).toEqual(['a', 'c']);
    expect(hidden(['a', 7], ['c', 2], ['b', 7])).toEqual(['a', 'c']);
  });

  it('recognises disclosive outputs', () => {
    const c = cells(['a', 10], ['b', 8], ['c', 3]);
    expect(isDisclosive(c, new Set(), 5)).toBe(true);
    expect(isDisclosive(c, new Set(['c']), 5)).toBe(true);
    expect(isDisclosive(c, new Set(['b', 'c']), 5)).toBe(false);
  });
});
