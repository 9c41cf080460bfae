import { workedOut } from './disclosure-check';
import { decideSuppression, derivableCells, suppressedKeys, type SuppressionTable } from './suppression';

const cells = (...ns: Array<[string, number]>) => ns.map(([key, n]) => ({ key, n }));
const hidden = (...ns: Array<[string, number]>) => [...suppressedKeys(cells(...ns), 5)].sort();

describe('suppression of one table (threshold 5)', () => {
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

  it('leaves empty cells visible: nobody is in them to disclose', () => {
    expect(hidden(['a', 10], ['b', 0], ['c', 8])).toEqual([]);
  });
});

describe('suppression across sums', () => {
  // Two evenings, each in its own municipality; evening rows and municipality segments are published, the
  // people of each evening in its municipality are not (but equal both). Pooled total 23.
  const twoWay: SuppressionTable = {
    cells: [
      { key: 'evening:L', n: 20 },
      { key: 'evening:H', n: 3 },
      { key: 'municipality:Leeuwarden', n: 20 },
      { key: 'municipality:Harlingen', n: 3 },
      { key: 'L in Leeuwarden', n: 20, published: false },
      { key: 'H in Harlingen', n: 3, published: false },
    ],
    relations: [
      { total: 23, parts: ['evening:L', 'evening:H'] },
      { total: 23, parts: ['municipality:Leeuwarden', 'municipality:Harlingen'] },
      { total: 'evening:L', parts: ['L in Leeuwarden'] },
      { total: 'evening:H', parts: ['H in Harlingen'] },
      { total: 'municipality:Leeuwarden', parts: ['L in Leeuwarden'] },
      { total: 'municipality:Harlingen', parts: ['H in Harlingen'] },
    ],
  };

  it('hides the small evening in both of its places, and what would give it away', () => {
    const decided = decideSuppression(twoWay, 5);
    // Harlingen (3) is small everywhere; the pooled total 23 would give it away from Leeuwarden's 20, so that
    // goes too: with two evenings and one small, nothing but the total can be shown.
    expect([...decided].sort()).toEqual(['evening:H', 'evening:L', 'municipality:Harlingen', 'municipality:Leeuwarden']);
    expect(workedOut(twoWay, decided)).toEqual([]);
  });

  it('finds a hidden cell that the sums fix, where a one-table rule would not', () => {
    // Rows a, b hidden (2 of them, 10 together: fine in their own sum), but column x fixes a = x − (visible c).
    const table: SuppressionTable = {
      cells: cells(['a', 4], ['b', 6], ['c', 9], ['x', 13]),
      relations: [
        { total: 19, parts: ['a', 'b', 'c'] },
        { total: 'x', parts: ['a', 'c'] },
      ],
    };
    expect(derivableCells(table, new Set(['a', 'b']))).toEqual(['a', 'b']);
    const decided = decideSuppression(table, 5);
    expect(decided.has('a')).toBe(true);
    expect(workedOut(table, decided)).toEqual([]);
  });
});
