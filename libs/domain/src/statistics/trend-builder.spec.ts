import type { DilemmaSource } from './policy-builder';
import { tallyVotes } from './tally';
import { buildTrends, type ConsultationRoundRef } from './trend-builder';

const round2025: ConsultationRoundRef = { id: 'r2025', name: 'Raadpleging 2025', year: 2025, order: '2025' };
const round2026: ConsultationRoundRef = { id: 'r2026', name: 'Raadpleging 2026', year: 2026, order: '2026' };
const round2027: ConsultationRoundRef = { id: 'r2027', name: 'Raadpleging 2027', year: 2027, order: '2027' };

/** One evening's dilemma with `counts[i]` people choosing option i (ids differ per evening; labels match). */
function dilemma(id: string, eveningId: string, counts: number[], extra: Partial<DilemmaSource> = {}): DilemmaSource {
  const options = counts.map((_, i) => ({
    id: `${id}-o${i}`,
    label: ['Isolatie', 'Lagere huur', 'Groen'][i],
    consequence: null,
  }));
  const votes = counts.flatMap((n, i) =>
    Array.from({ length: n }, () => ({
      round: 1,
      group: null,
      municipality: null,
      ageBand: null,
      choice: { optionIds: [options[i].id] },
    })),
  );
  return {
    id,
    eveningId,
    eveningTitle: eveningId,
    eveningMunicipality: 'Leeuwarden',
    eveningStartsAt: '2026-01-01T00:00:00Z',
    position: 1,
    theme: 'woning',
    question: 'Isolatie of lagere huur?',
    description: null,
    kind: 'choice',
    budget: null,
    linkKey: 'template:t1',
    options,
    tallies: tallyVotes('choice', votes),
    ...extra,
  } as DilemmaSource;
}

function trendsOf(sources: DilemmaSource[], rounds: Record<string, ConsultationRoundRef>, suppressBelow = 5) {
  return buildTrends({
    scope: { themes: null, municipalities: null },
    suppressBelow,
    sources,
    roundOfEvening: new Map(Object.entries(rounds)),
  });
}

describe('trends across consultation rounds', () => {
  it("flags a change where Newcombe's interval excludes zero (56/70 → 48/80, Newcombe 1998 example a)", () => {
    // 2025: two evenings pooled, 56 of 70 for Isolatie; 2026: 48 of 80.
    const { trends } = trendsOf([dilemma('a', 'e1', [30, 10]), dilemma('b', 'e2', [26, 4]), dilemma('c', 'e3', [48, 32])], {
      e1: round2025,
      e2: round2025,
      e3: round2026,
    });
    expect(trends).toHaveLength(1);
    const [trend] = trends;
    expect(trend.rounds.map((r) => [r.roundId, r.evenings, r.total])).toEqual([
      ['r2025', 2, 70],
      ['r2026', 1, 80],
    ]);
    const [isolatie, huur] = trend.changes[0].options!;
    expect(isolatie.label).toBe('Isolatie');
    expect(isolatie.difference).toBeCloseTo(-0.2, 12);
    expect(isolatie.ci95[0]).toBeCloseTo(-0.3339, 4);
    expect(isolatie.ci95[1]).toBeCloseTo(-0.0524, 4);
    expect(isolatie.changed).toBe(true);
    expect(huur.difference).toBeCloseTo(0.2, 12);
    expect(huur.ci95[0]).toBeCloseTo(0.0524, 4);
    expect(huur.ci95[1]).toBeCloseTo(0.3339, 4);
    expect(huur.changed).toBe(true);
  });

  it('does not flag a change whose interval includes zero (0/29 → 5/56, Newcombe 1998 example d)', () => {
    const { trends } = trendsOf([dilemma('a', 'e1', [29, 0]), dilemma('b', 'e2', [51, 5])], { e1: round2025, e2: round2026 });
    const change = trends[0].changes[0].options![1];
    expect(change.difference).toBeCloseTo(5 / 56, 12);
    expect(change.ci95[0]).toBeCloseTo(-0.0381, 4);
    expect(change.ci95[1]).toBeCloseTo(0.1926, 4);
    expect(change.changed).toBe(false);
  });

  it('gives a suppressed round no numbers and no change on either side of it', () => {
    const { trends } = trendsOf([dilemma('a', 'e1', [30, 10]), dilemma('b', 'e2', [2, 2]), dilemma('c', 'e3', [10, 30])], {
      e1: round2025,
      e2: round2026,
      e3: round2027,
    });
    const [trend] = trends;
    expect(trend.rounds[1]).toMatchObject({ roundId: 'r2026', suppressed: true, total: null, options: null });
    expect(trend.changes.map((c) => c.options)).toEqual([null, null]);
    expect(trend.rounds[2]).toMatchObject({ suppressed: false, total: 40 });
  });

  it('shows no trend for a question asked in one round only, for a budget dilemma, or across different link keys', () => {
    expect(
      trendsOf([dilemma('a', 'e1', [30, 10]), dilemma('b', 'e2', [26, 4])], { e1: round2025, e2: round2025 }).trends,
    ).toEqual([]);
    expect(
      trendsOf([dilemma('a', 'e1', [30, 10]), dilemma('b', 'e2', [26, 4], { linkKey: 'template:other' })], {
        e1: round2025,
        e2: round2026,
      }).trends,
    ).toEqual([]);
    const budget = (id: string, eveningId: string) => ({
      ...dilemma(id, eveningId, [5, 5]),
      kind: 'budget' as const,
      budget: 10,
    });
    expect(trendsOf([budget('a', 'e1'), budget('b', 'e2')], { e1: round2025, e2: round2026 }).trends).toEqual([]);
  });

  it('orders rounds by their order key, not by the order the dilemmas come in', () => {
    const { trends } = trendsOf([dilemma('c', 'e3', [48, 32]), dilemma('a', 'e1', [56, 14])], { e1: round2025, e3: round2026 });
    expect(trends[0].rounds.map((r) => r.year)).toEqual([2025, 2026]);
    expect(trends[0].changes[0]).toMatchObject({ fromRoundId: 'r2025', toRoundId: 'r2026' });
  });
});
