import type { DilemmaKind, LiveCounters, TallyPayload, VoteChoice } from '@hs/contracts';
import { SCALE_VALUES } from '@hs/contracts';

export function noCounters(): LiveCounters {
  return { voters: 0, scaleSum: 0, options: {}, manual: {}, manualPeople: 0 };
}

/** What one current vote adds to the counters: one voter, one per option (budget: its points), the scale value. */
export function contribution(choice: VoteChoice): LiveCounters {
  const out: LiveCounters = { ...noCounters(), voters: 1 };
  if ('optionIds' in choice) for (const id of choice.optionIds) out.options[id] = (out.options[id] ?? 0) + 1;
  else if ('allocation' in choice) for (const [id, points] of Object.entries(choice.allocation)) out.options[id] = points;
  else {
    out.options[String(choice.value)] = 1;
    out.scaleSum = choice.value;
  }
  return out;
}

function addMap(a: Record<string, number>, b: Record<string, number>, sign: 1 | -1): void {
  for (const [key, n] of Object.entries(b)) a[key] = (a[key] ?? 0) + sign * n;
}

function dropZeros(map: Record<string, number>): void {
  for (const key of Object.keys(map)) if (map[key] === 0) delete map[key];
}

/** The change of the counters when a vote goes from `before` (null: none) to `after`; options that do not move are left out. */
export function delta(before: VoteChoice | null, after: VoteChoice): LiveCounters {
  const out = contribution(after);
  if (before) {
    const old = contribution(before);
    out.voters -= old.voters;
    out.scaleSum -= old.scaleSum;
    addMap(out.options, old.options, -1);
  }
  dropZeros(out.options);
  return out;
}

/** Adds b into a. */
export function addInto(a: LiveCounters, b: LiveCounters): LiveCounters {
  a.voters += b.voters;
  a.scaleSum += b.scaleSum;
  a.manualPeople += b.manualPeople;
  addMap(a.options, b.options, 1);
  addMap(a.manual, b.manual, 1);
  return a;
}

/**
 * The `tally` event from the counters: counts per option id (scale "1".."5"), manual counts
 * included; total = phone voters + the people the manual counts stand for; mean for scale.
 */
export function toTally(
  target: { id: string; kind: DilemmaKind; optionIds: string[] },
  round: number,
  counters: LiveCounters,
): TallyPayload {
  const keys = target.kind === 'scale' ? [...SCALE_VALUES] : target.optionIds;
  const counts: Record<string, number> = {};
  const manual: Record<string, number> = {};
  for (const key of keys) {
    manual[key] = counters.manual[key] ?? 0;
    counts[key] = (counters.options[key] ?? 0) + manual[key];
  }
  const manualTotal = counters.manualPeople;
  const total = counters.voters + manualTotal;
  const tally: TallyPayload = { dilemmaId: target.id, round, total, counts, manual: { total: manualTotal, counts: manual } };
  if (target.kind === 'scale' && total > 0) {
    const manualSum = SCALE_VALUES.reduce((sum, key) => sum + Number(key) * manual[key], 0);
    tally.mean = Math.round(((counters.scaleSum + manualSum) / total) * 1000) / 1000;
  }
  return tally;
}
