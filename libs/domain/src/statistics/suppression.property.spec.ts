import fc from 'fast-check';
import { alternativeFor, workedOut } from './disclosure-check';
import { type PolicySuppressionInput, policySuppression, policyTable, tooFew } from './output-suppression';
import { decideSuppression, type SuppressionTable } from './suppression';
import type { CellTally } from './tally';

/**
 * The promise of suppression, over random tables: no published cell under the threshold is shown, and no hidden
 * cell can be worked out: for every hidden cell the test builds another table that agrees with everything that is
 * published (visible cells, totals, every sum) but differs in that cell.
 */
function holdsPromise(table: SuppressionTable, hidden: ReadonlySet<string>, threshold: number): boolean {
  const smallShown = table.cells.some((c) => c.published !== false && c.n > 0 && c.n < threshold && !hidden.has(c.key));
  if (smallShown) return false;
  const unknown = (k: string) => hidden.has(k) || table.cells.find((c) => c.key === k)?.published === false;
  const n = (k: string) => table.cells.find((c) => c.key === k)!.n;
  // Where a sum's total is published, its unknown parts are at least two and hold at least `threshold` people.
  const groupsBigEnough = table.relations.every((r) => {
    if (typeof r.total === 'string' && unknown(r.total)) return true;
    const hiddenParts = r.parts.filter((k) => hidden.has(k));
    if (hiddenParts.length === 0) return true;
    const unknownParts = r.parts.filter(unknown);
    return unknownParts.length >= 2 && unknownParts.reduce((s, k) => s + n(k), 0) >= threshold;
  });
  return groupsBigEnough && workedOut(table, hidden).length === 0;
}

const threshold = fc.integer({ min: 2, max: 10 });
const smallOrLarge = fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 40 }));

describe('suppression (property)', () => {
  it('one table of cells adding up to a published total', () => {
    fc.assert(
      fc.property(fc.array(smallOrLarge, { minLength: 1, maxLength: 8 }), threshold, (ns, below) => {
        const total = ns.reduce((s, x) => s + x, 0);
        fc.pre(total >= below);
        const table: SuppressionTable = {
          cells: ns.map((n, i) => ({ key: `c${i}`, n })),
          relations: [{ total, parts: ns.map((_, i) => `c${i}`) }],
        };
        return holdsPromise(table, decideSuppression(table, below), below);
      }),
    );
  });

  it('a two-way table with its row and column totals published', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 2, max: 4 })
          .chain((rows) =>
            fc
              .integer({ min: 2, max: 3 })
              .chain((cols) =>
                fc.tuple(
                  fc.constant(rows),
                  fc.constant(cols),
                  fc.array(smallOrLarge, { minLength: rows * cols, maxLength: rows * cols }),
                ),
              ),
          ),
        threshold,
        ([rows, cols, ns], below) => {
          const total = ns.reduce((s, x) => s + x, 0);
          fc.pre(total >= below);
          const cell = (r: number, c: number) => `r${r}c${c}`;
          const cells = ns.map((n, i) => ({ key: cell(Math.floor(i / cols), i % cols), n }));
          const rowKeys = Array.from({ length: rows }, (_, r) => `row${r}`);
          const colKeys = Array.from({ length: cols }, (_, c) => `col${c}`);
          const sumOf = (keys: string[]) => keys.reduce((s, k) => s + cells.find((x) => x.key === k)!.n, 0);
          const table: SuppressionTable = {
            cells: [
              ...cells,
              ...rowKeys.map((k, r) => ({ key: k, n: sumOf(colKeys.map((_, c) => cell(r, c))) })),
              ...colKeys.map((k, c) => ({ key: k, n: sumOf(rowKeys.map((_, r) => cell(r, c))) })),
            ],
            relations: [
              ...rowKeys.map((k, r) => ({ total: k, parts: colKeys.map((_, c) => cell(r, c)) })),
              ...colKeys.map((k, c) => ({ total: k, parts: rowKeys.map((_, r) => cell(r, c)) })),
              { total, parts: rowKeys },
              { total, parts: colKeys },
            ],
          };
          return holdsPromise(table, decideSuppression(table, below), below);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('the policy input of a dilemma pooled over evenings: segments, evening rows, municipalities, hand counts, shift', () => {
    const evening = fc.record({
      municipalities: fc.uniqueArray(fc.constantFrom('A', 'B', 'C', 'D'), { minLength: 1, maxLength: 2 }),
      voters: fc.array(smallOrLarge, { minLength: 2, maxLength: 2 }),
      manual: fc.integer({ min: 0, max: 3 }),
      revoted: fc.boolean(),
    });
    fc.assert(
      fc.property(
        fc.array(evening, { minLength: 1, maxLength: 4 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 6, maxLength: 6 }),
        fc.integer({ min: 0, max: 100 }),
        threshold,
        (evenings, cuts, pairedPct, below) => {
          const sources = evenings.map((e, i) => ({
            id: `e${i}`,
            municipalities: Object.fromEntries(e.municipalities.map((m, j) => [m, e.voters[j]])),
            manual: e.manual,
            revoted: e.revoted,
            total: e.municipalities.reduce((s, _, j) => s + e.voters[j], 0) + e.manual,
          }));
          const electronic = sources.reduce((s, x) => s + x.total - x.manual, 0);
          const manual = sources.reduce((s, x) => s + x.manual, 0);
          fc.pre(!tooFew(electronic + manual, manual, below));
          const municipality: Record<string, CellTally> = {};
          for (const s of sources)
            for (const [m, n] of Object.entries(s.municipalities)) (municipality[m] ??= { n: 0, options: {} }).n += n;
          const split = (parts: string[], fractions: number[]) => {
            const points = fractions
              .slice(0, parts.length - 1)
              .map((f) => Math.floor(f * electronic))
              .sort((a, b) => a - b);
            const bounds = [0, ...points, electronic];
            return Object.fromEntries(parts.map((p, i) => [p, { n: bounds[i + 1] - bounds[i], options: {} }]));
          };
          const revoted = sources.filter((s) => s.revoted);
          const last = revoted.reduce((s, x) => s + x.total, 0);
          const input: PolicySuppressionInput = {
            total: electronic + manual,
            manual,
            segments: {
              group: split(['tenant', 'tenant_org', 'stakeholder', 'unknown'], cuts),
              municipality,
              ageBand: split(['30-49', '50-64', '65-79'], cuts.slice(3)),
            },
            sources,
            shift: revoted.length ? { paired: Math.floor((pairedPct / 100) * last), first: last, last } : null,
          };
          const table = policyTable(input);
          const flags = policySuppression(input, below);
          const hidden = decideSuppression(table, below);
          // The flags the builder uses are the decision on this table.
          const flagged = [...flags.segments.municipality].every((m) => hidden.has(`municipality:${m}`));
          return flagged && holdsPromise(table, hidden, below);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('the checker itself finds a cell that can be worked out', () => {
    const table: SuppressionTable = {
      cells: [
        { key: 'a', n: 3 },
        { key: 'b', n: 9 },
      ],
      relations: [{ total: 12, parts: ['a', 'b'] }],
    };
    expect(alternativeFor(table, new Set(['a']), 'a')).toBeNull();
    expect(alternativeFor(table, new Set(['a', 'b']), 'a')).toEqual({ a: 4, b: 8 });
  });
});
