/**
 * The check the suppression property tests run, independent of how decideSuppression decides: for a hidden cell,
 * search another table that agrees with everything published (the visible cells and every sum) but differs in that
 * cell. If one exists, a reader cannot work the cell out. The search moves people in steps of one (−1, 0, +1 per
 * unknown cell), which is enough for the tables of sums used here, and keeps every cell at zero or more.
 */
import type { SuppressionTable } from './suppression';

/** Another value for the hidden cell `key` that fits everything published, or null when none is found. */
export function alternativeFor(table: SuppressionTable, hidden: ReadonlySet<string>, key: string): Record<string, number> | null {
  const unknown = table.cells.filter((c) => c.published === false || hidden.has(c.key));
  const order = [key, ...unknown.map((c) => c.key).filter((k) => k !== key)];
  const value = new Map(table.cells.map((c) => [c.key, c.n]));
  const isUnknown = new Set(order);
  // Each sum as ±1 coefficients over unknown cells (visible cells and published totals do not move).
  const sums = table.relations
    .map((r) => {
      const terms = new Map<string, number>();
      for (const p of r.parts) if (isUnknown.has(p)) terms.set(p, (terms.get(p) ?? 0) + 1);
      if (typeof r.total === 'string' && isUnknown.has(r.total)) terms.set(r.total, (terms.get(r.total) ?? 0) - 1);
      return terms;
    })
    .filter((t) => t.size > 0);
  const step = new Map<string, number>();
  const fits = (): boolean =>
    sums.every((terms) => {
      let sum = 0;
      let open = 0;
      for (const [k, coefficient] of terms) {
        if (step.has(k)) sum += coefficient * step.get(k)!;
        else open += Math.abs(coefficient);
      }
      return Math.abs(sum) <= open;
    });
  const search = (i: number): boolean => {
    if (i === order.length) return true;
    const k = order[i];
    const choices = i === 0 ? [1, -1] : [0, 1, -1];
    for (const d of choices) {
      if (value.get(k)! + d < 0) continue;
      step.set(k, d);
      if (fits() && search(i + 1)) return true;
      step.delete(k);
    }
    return false;
  };
  if (!search(0)) return null;
  return Object.fromEntries(order.map((k) => [k, value.get(k)! + step.get(k)!]));
}

/** The hidden published cells for which no other table fits what is published. */
export function workedOut(table: SuppressionTable, hidden: ReadonlySet<string>): string[] {
  return [...hidden].filter((key) => alternativeFor(table, hidden, key) === null);
}
