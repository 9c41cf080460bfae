import type { DilemmaKind, TallyPayload, VoteChoice } from '@hs/contracts';
import { SCALE_VALUES } from '@hs/contracts';

/** Raw counters as kept per dilemma and round (see TallyFields in @hs/persistence). */
export type Counters = Record<string, number>;

/** What one current vote adds to the counters: `v` one voter, `o:<key>` per option (budget: points), `s` scale sum. */
export function contribution(choice: VoteChoice): Counters {
  const out: Counters = { v: 1 };
  if ('optionIds' in choice) for (const id of choice.optionIds) out[`o:${id}`] = (out[`o:${id}`] ?? 0) + 1;
  else if ('allocation' in choice) for (const [id, points] of Object.entries(choice.allocation)) out[`o:${id}`] = points;
  else {
    out[`o:${choice.value}`] = 1;
    out.s = choice.value;
  }
  return out;
}

/** The change of the counters when a vote goes from `before` (null: none) to `after`. */
export function delta(before: VoteChoice | null, after: VoteChoice): Counters {
  const out: Counters = { ...contribution(after) };
  if (before) for (const [field, n] of Object.entries(contribution(before))) out[field] = (out[field] ?? 0) - n;
  for (const field of Object.keys(out)) if (out[field] === 0) delete out[field];
  return out;
}

/** Adds b into a. */
export function addInto(a: Counters, b: Counters): Counters {
  for (const [field, n] of Object.entries(b)) a[field] = (a[field] ?? 0) + n;
  return a;
}

/**
 * The `tally` event from the counters: counts per option id (scale "1".."5"), manual counts
 * included; total = phone voters + the people the manual counts stand for; mean for scale.
 */
export function toTally(
  target: { id: string; kind: DilemmaKind; optionIds: string[] },
  round: number,
  counters: Counters,
): TallyPayload {
  const keys = target.kind === 'scale' ? [...SCALE_VALUES] : target.optionIds;
  const counts: Record<string, number> = {};
  const manual: Record<string, number> = {};
  for (const key of keys) {
    manual[key] = counters[`m:${key}`] ?? 0;
    counts[key] = (counters[`o:${key}`] ?? 0) + manual[key];
  }
  const manualTotal = counters.mr ?? 0;
  const total = (counters.v ?? 0) + manualTotal;
  const tally: TallyPayload = { dilemmaId: target.id, round, total, counts, manual: { total: manualTotal, counts: manual } };
  if (target.kind === 'scale' && total > 0) {
    const manualSum = SCALE_VALUES.reduce((sum, key) => sum + Number(key) * manual[key], 0);
    tally.mean = Math.round((((counters.s ?? 0) + manualSum) / total) * 1000) / 1000;
  }
  return tally;
}
