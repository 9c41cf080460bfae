/**
 * Small-cell suppression with complementary suppression (Hundepool et al., Statistical Disclosure Control,
 * 2012, ch. 5), decided once per output for every cell in it. docs/METHODS.md §4 says the rule in plain words.
 *
 * An output is described as a table: cells (a count of people each) and the sums that hold between them
 * (an evening's total is the sum of its municipalities, the pooled total the sum of the evenings, …). Some
 * cells are never published but take part in the sums (one evening's hand counts, the people of one evening in
 * one municipality): they are unknowns to a reader, and they let the sums across dimensions be described.
 *
 * Primary: every published cell with 0 < n < threshold is hidden.
 * Complementary, until neither holds anywhere:
 * 1. In a sum whose total is visible, the hidden and unpublished parts together are known (total − visible
 *    parts). That is harmless only when at least two parts are unknown and they hold at least `threshold`
 *    people; otherwise the smallest visible part is hidden too.
 * 2. No hidden cell may be fixed by the sums taken together (the linear system of all sums, with the visible
 *    cells filled in, must leave every hidden cell free): otherwise the smallest visible cell of a sum it
 *    takes part in is hidden too.
 * Ties go by key, so the outcome does not depend on the order cells are listed in.
 */

export interface SuppressionCell {
  key: string;
  n: number;
  /** false: never shown (an unknown to every reader), but part of the sums. Default true. */
  published?: boolean;
}

/** total = sum of parts; total is a cell key or a published number that is not itself a cell. */
export interface SuppressionRelation {
  total: string | number;
  parts: string[];
}

export interface SuppressionTable {
  cells: SuppressionCell[];
  relations: SuppressionRelation[];
}

/** The keys of the published cells to hide. */
export function decideSuppression(table: SuppressionTable, threshold: number): Set<string> {
  const cells = new Map(table.cells.map((c) => [c.key, c]));
  const hidden = new Set(table.cells.filter((c) => c.published !== false && c.n > 0 && c.n < threshold).map((c) => c.key));
  // Each round hides one more cell, so this ends after at most as many rounds as there are cells.
  for (let guard = 0; guard <= table.cells.length; guard++) {
    const next = smallGroupFix(table, cells, hidden, threshold) ?? derivableFix(table, cells, hidden);
    if (next === null) break;
    hidden.add(next);
  }
  return hidden;
}

/**
 * Published hidden cells that a reader can work out: from the sums with the visible cells filled in, by linear
 * algebra (a cell is fixed when it is a combination of the sums) and by counts never being negative (a sum of
 * unknowns that comes to 0, or bounds that meet). What is worked out counts as known, and the search repeats.
 */
export function derivableCells(table: SuppressionTable, hidden: ReadonlySet<string>): string[] {
  const value = new Map(table.cells.map((c) => [c.key, c.n]));
  const known = new Set(table.cells.filter((c) => c.published !== false && !hidden.has(c.key)).map((c) => c.key));
  for (let changed = true; changed;) {
    changed = false;
    for (const key of [...linearlyFixed(table, known), ...boundedFixed(table, known, value)]) {
      if (known.has(key)) continue;
      changed = true;
      known.add(key);
    }
  }
  return table.cells.filter((c) => c.published !== false && hidden.has(c.key) && known.has(c.key)).map((c) => c.key);
}

/** Unknown cells that are a linear combination of the sums. */
function linearlyFixed(table: SuppressionTable, known: ReadonlySet<string>): string[] {
  const unknowns = table.cells.filter((c) => !known.has(c.key)).map((c) => c.key);
  const column = new Map(unknowns.map((k, i) => [k, i]));
  const rows: number[][] = [];
  for (const relation of table.relations) {
    const row = new Array<number>(unknowns.length).fill(0);
    let any = false;
    for (const part of relation.parts) {
      const i = column.get(part);
      if (i === undefined) continue;
      row[i] += 1;
      any = true;
    }
    if (typeof relation.total === 'string') {
      const i = column.get(relation.total);
      if (i !== undefined) {
        row[i] -= 1;
        any = true;
      }
    }
    if (any) rows.push(row);
  }
  const basis = rowEchelon(rows);
  return unknowns.filter((key) => {
    const target = new Array<number>(unknowns.length).fill(0);
    target[column.get(key)!] = 1;
    return inRowSpace(basis, target);
  });
}

/** Unknown cells whose bounds (from 0 ≤ cell and every sum) meet. */
function boundedFixed(table: SuppressionTable, known: ReadonlySet<string>, value: ReadonlyMap<string, number>): string[] {
  const low = new Map<string, number>();
  const high = new Map<string, number>();
  for (const c of table.cells) {
    if (known.has(c.key)) continue;
    low.set(c.key, 0);
    high.set(c.key, Infinity);
  }
  const terms = table.relations.map((r) => {
    const list: Array<[string, number]> = r.parts.map((p) => [p, 1]);
    if (typeof r.total === 'string') list.push([r.total, -1]);
    return { list, constant: typeof r.total === 'number' ? r.total : 0 };
  });
  for (let pass = 0, moved = true; moved && pass < 50; pass++) {
    moved = false;
    for (const { list, constant } of terms) {
      // Σ coefficient · cell = constant; the known cells move to the right-hand side.
      let rhs = constant;
      const open: Array<[string, number]> = [];
      for (const [k, a] of list) {
        if (known.has(k)) rhs -= a * value.get(k)!;
        else open.push([k, a]);
      }
      for (const [u, a] of open) {
        let min = 0;
        let max = 0;
        for (const [k, b] of open) {
          if (k === u) continue;
          min += b > 0 ? b * low.get(k)! : b * high.get(k)!;
          max += b > 0 ? b * high.get(k)! : b * low.get(k)!;
        }
        const [from, to] = a > 0 ? [(rhs - max) / a, (rhs - min) / a] : [(rhs - min) / a, (rhs - max) / a];
        const [lowest, highest] = [Math.ceil(from - 1e-9), Math.floor(to + 1e-9)];
        if (lowest > low.get(u)!) {
          moved = true;
          low.set(u, lowest);
        }
        if (highest < high.get(u)!) {
          moved = true;
          high.set(u, highest);
        }
      }
    }
  }
  return [...low.keys()].filter((k) => low.get(k) === high.get(k));
}

/** Version 1's single table: cells that add up to a published total. */
export function suppressedKeys(cells: Array<{ key: string; n: number }>, threshold: number): Set<string> {
  const total = cells.reduce((s, c) => s + c.n, 0);
  return decideSuppression({ cells, relations: [{ total, parts: cells.map((c) => c.key) }] }, threshold);
}

function bySize(cells: Map<string, SuppressionCell>) {
  return (a: string, b: string) => cells.get(a)!.n - cells.get(b)!.n || (a < b ? -1 : a > b ? 1 : 0);
}

/** The cell to hide next so that a sum's unknown parts are at least two and hold at least `threshold`. */
function smallGroupFix(
  table: SuppressionTable,
  cells: Map<string, SuppressionCell>,
  hidden: ReadonlySet<string>,
  threshold: number,
): string | null {
  for (const relation of table.relations) {
    if (typeof relation.total === 'string' && hidden.has(relation.total)) continue;
    const published = relation.parts.filter((k) => cells.get(k)!.published !== false);
    const hiddenParts = published.filter((k) => hidden.has(k));
    if (hiddenParts.length === 0) continue;
    const unknown = relation.parts.filter((k) => hidden.has(k) || cells.get(k)!.published === false);
    const sum = unknown.reduce((s, k) => s + cells.get(k)!.n, 0);
    if (unknown.length >= 2 && sum >= threshold) continue;
    const candidate = firstUseful(table, hidden, visibleOf(relation, cells, hidden));
    if (candidate !== null) return candidate;
  }
  return null;
}

/**
 * The cell to hide next so that no hidden cell is fixed by the sums: the smallest visible cell of a sum the fixed
 * cell takes part in, else of any sum linked to those through unknown cells (the sums that fix it together).
 */
function derivableFix(table: SuppressionTable, cells: Map<string, SuppressionCell>, hidden: ReadonlySet<string>): string | null {
  const unknown = (k: string) => hidden.has(k) || cells.get(k)?.published === false;
  const keysOf = (r: SuppressionRelation) => (typeof r.total === 'string' ? [...r.parts, r.total] : r.parts);
  for (const key of derivableCells(table, hidden).sort()) {
    const around = table.relations.filter((r) => keysOf(r).includes(key));
    const candidate = firstUseful(
      table,
      hidden,
      around.flatMap((relation) => visibleOf(relation, cells, hidden)),
    );
    if (candidate !== null) return candidate;
    const reached = new Set<string>([key]);
    const linked = new Set<SuppressionRelation>();
    for (let grew = true; grew;) {
      grew = false;
      for (const r of table.relations) {
        if (linked.has(r) || !keysOf(r).some((k) => reached.has(k))) continue;
        linked.add(r);
        grew = true;
        for (const k of keysOf(r)) if (unknown(k)) reached.add(k);
      }
    }
    const visible = [...linked]
      .flatMap(keysOf)
      .filter((k) => !unknown(k) && cells.has(k))
      .sort((a, b) => Number(cells.get(a)!.n === 0) - Number(cells.get(b)!.n === 0) || bySize(cells)(a, b));
    const fallback = firstUseful(table, hidden, visible);
    if (fallback !== null) return fallback;
  }
  return null;
}

/**
 * The candidate to hide: never one that the published totals alone pin down (the only segment of a dimension,
 * say: hiding it protects nothing, ever); preferably one that, once hidden, cannot itself be worked out.
 */
function firstUseful(table: SuppressionTable, hidden: ReadonlySet<string>, candidates: readonly string[]): string | null {
  const pinned = pinnedByTotals(table);
  const open = candidates.filter((c) => !pinned.has(c));
  for (const candidate of open) {
    if (!derivableCells(table, new Set([...hidden, candidate])).includes(candidate)) return candidate;
  }
  return open[0] ?? null;
}

const pinnedCache = new WeakMap<SuppressionTable, Set<string>>();

/** The published cells that the published numbers alone (not the cells) fix: what is known even with every cell hidden. */
function pinnedByTotals(table: SuppressionTable): Set<string> {
  let pinned = pinnedCache.get(table);
  if (!pinned) {
    const all = new Set(table.cells.filter((c) => c.published !== false).map((c) => c.key));
    pinned = new Set(derivableCells(table, all));
    pinnedCache.set(table, pinned);
  }
  return pinned;
}

/** The visible published cells of a sum, smallest first (people before empty cells), its total last if that is a cell. */
function visibleOf(relation: SuppressionRelation, cells: Map<string, SuppressionCell>, hidden: ReadonlySet<string>): string[] {
  const visible = relation.parts
    .filter((k) => !hidden.has(k) && cells.get(k)!.published !== false)
    .sort((a, b) => Number(cells.get(a)!.n === 0) - Number(cells.get(b)!.n === 0) || bySize(cells)(a, b));
  if (typeof relation.total === 'string' && !hidden.has(relation.total) && cells.get(relation.total)?.published !== false)
    visible.push(relation.total);
  return visible;
}

const EPSILON = 1e-9;

/** Gaussian elimination to row echelon form (rows with a pivot, each pivot normalised to 1). */
function rowEchelon(input: number[][]): Array<{ pivot: number; row: number[] }> {
  const rows = input.map((r) => [...r]);
  const out: Array<{ pivot: number; row: number[] }> = [];
  const width = rows[0]?.length ?? 0;
  let rest = rows;
  for (let col = 0; col < width && rest.length > 0; col++) {
    let best = -1;
    for (let i = 0; i < rest.length; i++)
      if (Math.abs(rest[i][col]) > EPSILON && (best < 0 || Math.abs(rest[i][col]) > Math.abs(rest[best][col]))) best = i;
    if (best < 0) continue;
    const pivotRow = rest[best].map((x) => x / rest[best][col]);
    rest = rest
      .filter((_, i) => i !== best)
      .map((r) => (Math.abs(r[col]) > EPSILON ? r.map((x, j) => x - r[col] * pivotRow[j]) : r));
    out.push({ pivot: col, row: pivotRow });
  }
  return out;
}

function inRowSpace(basis: Array<{ pivot: number; row: number[] }>, target: number[]): boolean {
  const v = [...target];
  for (const { pivot, row } of basis) {
    const f = v[pivot];
    if (Math.abs(f) > EPSILON) for (let j = 0; j < v.length; j++) v[j] -= f * row[j];
  }
  return v.every((x) => Math.abs(x) < 1e-7);
}
