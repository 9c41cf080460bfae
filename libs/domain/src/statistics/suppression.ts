/**
 * Small-cell suppression with complementary suppression (Hundepool et al., Statistical Disclosure
 * Control, 2012, ch. 5). A cell is one segment of one dimension (e.g. group = stakeholder), the
 * "unknown" segment included.
 *
 * Primary: every cell with n < threshold is hidden.
 * Complementary: the total is published, so the sum of the hidden cells can always be worked out as
 * total − visible cells. That is harmless only when at least two cells are hidden (no single one can be
 * worked out) and together they hold at least `threshold` people (the hidden group is not small itself).
 * Until both hold, the smallest visible cell is hidden too.
 */
export interface CountCell {
  key: string;
  n: number;
}

export function suppressedKeys(cells: CountCell[], threshold: number): Set<string> {
  const hidden = new Set(cells.filter((c) => c.n < threshold).map((c) => c.key));
  if (hidden.size === 0) return hidden;
  let hiddenSum = cells.filter((c) => hidden.has(c.key)).reduce((sum, c) => sum + c.n, 0);
  const visible = cells
    .filter((c) => !hidden.has(c.key))
    .sort((a, b) => a.n - b.n || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  while (visible.length > 0 && (hidden.size < 2 || hiddenSum < threshold)) {
    const next = visible.shift()!;
    hidden.add(next.key);
    hiddenSum += next.n;
  }
  return hidden;
}

/**
 * Whether a published set of cells lets a hidden cell (or a small group of them) be worked out:
 * the check the property tests run against every output.
 */
export function isDisclosive(cells: CountCell[], hidden: Set<string>, threshold: number): boolean {
  const visibleSmall = cells.some((c) => !hidden.has(c.key) && c.n < threshold);
  if (visibleSmall) return true;
  if (hidden.size === 0 || hidden.size === cells.length) return false;
  const hiddenSum = cells.filter((c) => hidden.has(c.key)).reduce((sum, c) => sum + c.n, 0);
  return hidden.size < 2 || hiddenSum < threshold;
}
