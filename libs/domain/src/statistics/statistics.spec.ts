import { entropyConsensus, tastleWierman } from './consensus';
import { buildPolicyInput } from './policy-builder';
import { resultsSuppression } from './output-suppression';
import { manualRespondents, summarizeOptions, summarizeSegments, type SummaryShape } from './round-summary';
import { type CellTally, emptyRound, tallyVotes } from './tally';
import { weightedEstimate } from './weighting';
import { wilson } from './wilson';

/** Segments as the results show them: suppression decided for the table (no hand counts here). */
const segmentsOf = (shape: SummaryShape, cells: Record<string, CellTally>, dimension: 'group', below: number) => {
  const total = Object.values(cells).reduce((s, c) => s + c.n, 0);
  return summarizeSegments(shape, cells, dimension, resultsSuppression(total, 0, cells, below).segments);
};

/*
 * Expected values are computed by hand (or with a pocket calculator) from the formulas in
 * docs/METHODS.md, z = 1.959964; the working is in the comments.
 */
describe('Wilson interval', () => {
  it('is [0, z²/(n+z²)] at 0 successes: 0 of 10 gives [0, 3.8415/13.8415 = 0.27753]', () => {
    const [low, high] = wilson(0, 10);
    expect(low).toBe(0);
    expect(high).toBeCloseTo(0.27753, 5);
  });

  it('is [n/(n+z²), 1] at n successes: 10 of 10 gives [10/13.8415 = 0.72247, 1]', () => {
    const [low, high] = wilson(10, 10);
    expect(low).toBeCloseTo(0.72247, 5);
    expect(high).toBe(1);
  });

  it('is symmetric around one half: 5 of 10 gives [0.23659, 0.76341] (Newcombe 1998, table I)', () => {
    const [low, high] = wilson(5, 10);
    expect(low).toBeCloseTo(0.23659, 5);
    expect(high).toBeCloseTo(0.76341, 5);
  });

  it('says nothing is known without respondents: [0, 1]', () => {
    expect(wilson(0, 0)).toEqual([0, 1]);
  });
});

describe('consensus', () => {
  it('is 1 when everybody chose the same and 0 when evenly split', () => {
    expect(entropyConsensus([10, 0, 0])).toBe(1);
    expect(entropyConsensus([5, 5])).toBe(0);
    expect(entropyConsensus([4, 4, 4, 4])).toBe(0);
  });

  it('is 1 − H/ln k: 6/3/1 gives H = 0.89795, ln 3 = 1.09861, so 0.18265', () => {
    expect(entropyConsensus([6, 3, 1])).toBeCloseTo(0.18265, 5);
  });

  it('is undefined without votes or with one option', () => {
    expect(entropyConsensus([0, 0])).toBeNull();
    expect(entropyConsensus([7])).toBeNull();
  });

  it('Tastle–Wierman: 1 when all agree, 0 at a 50/50 split over the ends', () => {
    const values = [1, 2, 3, 4, 5];
    expect(tastleWierman([0, 0, 9, 0, 0], values)).toBe(1);
    expect(tastleWierman([4, 0, 0, 0, 4], values)).toBe(0);
  });

  it('Tastle–Wierman: uniform over 1..5 gives 1 + 0.2·(−1 −0.41504 + 0 −0.41504 −1) = 0.43399 (their paper: 0.4339)', () => {
    expect(tastleWierman([1, 1, 1, 1, 1], [1, 2, 3, 4, 5])).toBeCloseTo(0.43399, 5);
  });

  it('Tastle–Wierman: half 3, half 4 gives μ = 3.5, 1 + log₂(1 − 0.125) = 0.80735', () => {
    expect(tastleWierman([0, 0, 5, 5, 0], [1, 2, 3, 4, 5])).toBeCloseTo(0.80735, 5);
  });
});

const choiceShape = {
  kind: 'choice' as const,
  budget: null,
  options: [
    { key: 'a', label: 'Huur omlaag', consequence: 'Minder onderhoud' },
    { key: 'b', label: 'Meer onderhoud', consequence: null },
    { key: 'c', label: 'Nieuwbouw', consequence: null },
  ],
};

function choiceVotes(spec: Array<[string, string | null, number]>) {
  // [option, group, how many]
  return spec.flatMap(([option, group, n]) =>
    Array.from({ length: n }, () => ({
      round: 1,
      group: group as never,
      municipality: null,
      ageBand: null,
      choice: { optionIds: [option] },
    })),
  );
}

describe('option summary', () => {
  it('adds hand counts to counts and total and shows them apart: 6/3/1 online + 2/0/2 by hand', () => {
    const tally = tallyVotes(
      'choice',
      choiceVotes([
        ['a', 'tenant', 6],
        ['b', 'tenant', 3],
        ['c', 'tenant', 1],
      ]),
    ).get(1)!;
    tally.manual = { a: 2, c: 2 };
    const summary = summarizeOptions(choiceShape, tally);
    // total = 10 + 4 = 14; counts 8, 3, 3; shares 8/14 = 0.571429, 3/14 = 0.214286
    expect(summary.total).toBe(14);
    expect(summary.manualTotal).toBe(4);
    expect(summary.options.map((o) => [o.count, o.manual])).toEqual([
      [8, 2],
      [3, 0],
      [3, 2],
    ]);
    expect(summary.options[0].share).toBeCloseTo(0.571429, 6);
    // Wilson(8, 14): centre (0.571429 + 0.137195)/1.274390 = 0.556051, half 0.230143
    expect(summary.options[0].ci95[0]).toBeCloseTo(0.32591, 5);
    expect(summary.options[0].ci95[1]).toBeCloseTo(0.78619, 5);
    expect(summary.options[1].ci95[0]).toBeCloseTo(0.07571, 5);
    // consensus over 8/3/3: p = .5714,.2143,.2143; H = 0.9557; 1 − 0.9557/1.0986 = 0.1301
    expect(summary.consensus).toBeCloseTo(1 - (-(8 / 14) * Math.log(8 / 14) - 2 * (3 / 14) * Math.log(3 / 14)) / Math.log(3), 10);
  });

  it('multi: share of participants per option, hand counts counted as the largest option count', () => {
    const shape = { ...choiceShape, kind: 'multi' as const };
    const votes = [
      ...Array.from({ length: 4 }, () => ({
        round: 1,
        group: null,
        municipality: null,
        ageBand: null,
        choice: { optionIds: ['a', 'b'] },
      })),
      ...Array.from({ length: 6 }, () => ({
        round: 1,
        group: null,
        municipality: null,
        ageBand: null,
        choice: { optionIds: ['a'] },
      })),
    ];
    const tally = tallyVotes('multi', votes).get(1)!;
    tally.manual = { a: 3, b: 1 };
    expect(manualRespondents(shape, tally.manual)).toBe(3);
    const summary = summarizeOptions(shape, tally);
    // total 10 + 3 = 13; a: 10 + 3 = 13 → 1.0; b: 4 + 1 = 5 → 0.3846; c: 0
    expect(summary.total).toBe(13);
    expect(summary.options.map((o) => o.share)).toEqual([1, 5 / 13, 0]);
  });

  it('multi: takes the number of hand-counted people from the entries when the facilitator gave it', () => {
    const shape = { ...choiceShape, kind: 'multi' as const };
    const tally = tallyVotes('multi', [
      { round: 1, group: null, municipality: null, ageBand: null, choice: { optionIds: ['a'] } },
    ]).get(1)!;
    tally.manual = { a: 3, b: 2 };
    tally.manualRespondents = 4;
    // 1 phone + 4 people on paper; a: 1 + 3 = 4 of 5
    const summary = summarizeOptions(shape, tally);
    expect([summary.total, summary.manualTotal, summary.options[0].share]).toEqual([5, 4, 0.8]);
  });

  it('budget: share of all points, mean points and the share giving any points', () => {
    const shape = { kind: 'budget' as const, budget: 10, options: choiceShape.options };
    const votes = [
      { round: 1, group: null, municipality: null, ageBand: null, choice: { allocation: { a: 10 } } },
      { round: 1, group: null, municipality: null, ageBand: null, choice: { allocation: { a: 5, b: 5 } } },
      { round: 1, group: null, municipality: null, ageBand: null, choice: { allocation: { b: 4, c: 6, a: 0 } } },
      { round: 1, group: null, municipality: null, ageBand: null, choice: { allocation: { a: 2, b: 2, c: 6 } } },
    ];
    const summary = summarizeOptions(shape, tallyVotes('budget', votes).get(1)!);
    // points a 17, b 11, c 12 of 40 → .425, .275, .30; mean points a 17/4 = 4.25; givers a 3/4, b 3/4, c 2/4
    expect(summary.options.map((o) => o.count)).toEqual([17, 11, 12]);
    expect(summary.options.map((o) => o.share)).toEqual([0.425, 0.275, 0.3]);
    expect(summary.options.map((o) => o.meanPoints)).toEqual([4.25, 2.75, 3]);
    expect(summary.options.map((o) => o.giversShare)).toEqual([0.75, 0.75, 0.5]);
    // c: 2 givers of 4, Wilson: centre (0.5 + 3.8415/8) / (1 + 3.8415/4) = 0.5,
    // half = 1.96·sqrt(0.0625 + 3.8415/64) / 1.96038 = 0.34996 → [0.15004, 0.84996]
    expect(summary.options[2].giversCi95![0]).toBeCloseTo(0.15004, 4);
    expect(summary.options[2].giversCi95![1]).toBeCloseTo(0.84996, 4);
    // a: fractions 1, .5, 0, .2: mean .425, sample sd = sqrt(((.575)²+(.075)²+(.425)²+(.225)²)/3) = 0.4349; half = 1.96·0.4349/2 = 0.4262
    expect(summary.options[0].ci95[0]).toBeCloseTo(0, 3);
    expect(summary.options[0].ci95[1]).toBeCloseTo(0.8512, 3);
    expect(summary.consensus).toBeNull();
  });

  it('budget: the share that chose a consequence anyway is who gave it any points, not its share of the points', () => {
    const options = [
      { id: 'a', label: 'Isolatie', consequence: 'huur + € 12 per maand' },
      { id: 'b', label: 'Keuken', consequence: null },
    ];
    const votes = [{ a: 10 }, { a: 1, b: 9 }, { b: 10 }, { b: 10 }].map((allocation) => ({
      round: 1,
      group: null,
      municipality: null,
      ageBand: null,
      choice: { allocation },
    }));
    const input = buildPolicyInput({
      scope: { eveningIds: null, themes: null, municipalities: null, groups: null },
      suppressBelow: 4,
      themeNames: {},
      themeOrder: [],
      weights: { households: {}, ageBands: {} },
      sources: [
        {
          id: 'd1',
          eveningId: 'e1',
          eveningTitle: 'Avond',
          eveningMunicipality: 'Leeuwarden',
          eveningStartsAt: '2027-02-02T18:30:00Z',
          position: 1,
          theme: 'woning',
          question: 'Verdeel 10 punten',
          description: null,
          kind: 'budget',
          budget: 10,
          linkKey: null,
          options,
          tallies: tallyVotes('budget', votes),
        },
      ],
    });
    // a: 11 of 40 points (0.275), but 2 of the 4 people gave it points: 0.5, Wilson(2, 4) = [0.15004, 0.84996]
    const [consequence] = input.themes[0].dilemmas[0].consequences;
    expect(consequence).toMatchObject({ label: 'Isolatie', share: 0.5, n: 4 });
    expect(consequence.ci95![0]).toBeCloseTo(0.15004, 4);
    expect(consequence.ci95![1]).toBeCloseTo(0.84996, 4);
    expect(input.themes[0].dilemmas[0].options[0].share).toBeCloseTo(0.275, 10);
  });

  it('scale: distribution, mean and Tastle–Wierman, hand counts by value', () => {
    const shape = { kind: 'scale' as const, budget: null, options: [] };
    const votes = [1, 2, 2, 4, 5, 5, 5].map((value) => ({
      round: 1,
      group: null,
      municipality: null,
      ageBand: null,
      choice: { value },
    }));
    const tally = tallyVotes('scale', votes).get(1)!;
    tally.manual = { '3': 1 };
    const summary = summarizeOptions(shape, tally);
    // values 1,2,2,3,4,5,5,5: n = 8, mean = 27/8 = 3.375
    expect(summary.total).toBe(8);
    expect(summary.scale!.distribution).toEqual({ '1': 1, '2': 2, '3': 1, '4': 1, '5': 3 });
    expect(summary.scale!.mean).toBe(3.375);
    expect(summary.scale!.consensus).toBeCloseTo(tastleWierman([1, 2, 1, 1, 3], [1, 2, 3, 4, 5])!, 12);
    expect(summary.options.map((o) => o.optionId)).toEqual(['1', '2', '3', '4', '5']);
  });
});

describe('segments', () => {
  it('suppresses a small group and, complementarily, the next smallest so neither can be worked out', () => {
    const tally = tallyVotes(
      'choice',
      choiceVotes([
        ['a', 'tenant', 12],
        ['b', 'tenant_org', 6],
        ['a', 'stakeholder', 2],
      ]),
    ).get(1)!;
    const segments = segmentsOf(choiceShape, tally.segments.group, 'group', 5);
    expect(segments).toEqual([
      expect.objectContaining({ key: 'tenant', n: 12, suppressed: false }),
      { key: 'tenant_org', n: null, suppressed: true, options: null },
      { key: 'stakeholder', n: null, suppressed: true, options: null },
    ]);
  });

  it('counts the unknown segment as a cell that can be hidden alongside', () => {
    const tally = tallyVotes(
      'choice',
      choiceVotes([
        ['a', 'tenant', 20],
        ['b', 'stakeholder', 3],
        ['c', null, 9],
      ]),
    ).get(1)!;
    const segments = segmentsOf(choiceShape, tally.segments.group, 'group', 5);
    expect(segments.map((s) => [s.key, s.suppressed])).toEqual([
      ['tenant', false],
      ['stakeholder', true],
      ['unknown', true],
    ]);
  });

  it('shows per segment count, share and interval', () => {
    const tally = tallyVotes(
      'choice',
      choiceVotes([
        ['a', 'tenant', 6],
        ['b', 'tenant', 4],
        ['a', 'stakeholder', 5],
      ]),
    ).get(1)!;
    const [tenant] = segmentsOf(choiceShape, tally.segments.group, 'group', 5);
    expect(tenant.options![0]).toEqual({ optionId: 'a', count: 6, share: 0.6, ci95: wilson(6, 10) });
  });

  it('lists nothing for a round without votes', () => {
    expect(segmentsOf(choiceShape, emptyRound(1).segments.group, 'group', 5)).toEqual([]);
  });
});

describe('post-stratification', () => {
  const noneHidden = { municipality: new Set<string>(), ageBand: new Set<string>() };
  const tables = (households: Record<string, number>) => ({ households, ageBands: {} });

  it('weights municipalities by their tenant households: 80% in A (1000 households), 20% in B (3000)', () => {
    const votes = [
      ...Array.from({ length: 10 }, (_, i) => ({
        round: 1,
        group: null,
        municipality: 'A',
        ageBand: null,
        choice: { optionIds: [i < 8 ? 'a' : 'b'] },
      })),
      ...Array.from({ length: 10 }, (_, i) => ({
        round: 1,
        group: null,
        municipality: 'B',
        ageBand: null,
        choice: { optionIds: [i < 2 ? 'a' : 'b'] },
      })),
      { round: 1, group: null, municipality: null, ageBand: null, choice: { optionIds: ['a'] } },
    ];
    const tally = tallyVotes('choice', votes).get(1)!;
    const result = weightedEstimate(choiceShape, tally, tables({ a: 1000, ' b ': 3000 }), noneHidden)!;
    // raw over A and B: (8 + 2)/20 = 0.5; weighted: (1000·0.8 + 3000·0.2)/4000 = 0.35
    expect(result.method).toBe('post-stratification');
    expect(result.municipalities).toEqual(['A', 'B']);
    expect(result.respondents).toBe(20);
    expect(result.options[0].rawShare).toBe(0.5);
    expect(result.options[0].weightedShare).toBeCloseTo(0.35, 12);
    // Kish: person weights w_A = (1000/4000)·20/10 = 0.5, w_B = 1.5; (Σw)² / Σw² = 20² / (10·0.25 + 10·2.25) = 400/25 = 16
    expect(result.effectiveN).toBeCloseTo(16, 10);
    // design effect 20 / 16 = 1.25: no warning
    expect(result.designEffect).toBeCloseTo(1.25, 10);
    expect(result.designEffectLarge).toBe(false);
  });

  it('warns when the design effect is large: 1 person weighted to 9000 households next to 19 for 1000', () => {
    const votes = [
      ...Array.from({ length: 19 }, () => ({
        round: 1,
        group: null,
        municipality: 'A',
        ageBand: null,
        choice: { optionIds: ['a'] },
      })),
      { round: 1, group: null, municipality: 'B', ageBand: null, choice: { optionIds: ['b'] } },
    ];
    const tally = tallyVotes('choice', votes).get(1)!;
    const result = weightedEstimate(choiceShape, tally, tables({ A: 1000, B: 9000 }), noneHidden)!;
    // w_A = 0.1·20/19 = 0.105263, w_B = 0.9·20/1 = 18; Σw = 20; Σw² = 19·0.0110803 + 324 = 324.2105;
    // n_eff = 400 / 324.2105 = 1.23377; design effect 20 / 1.23377 = 16.21
    expect(result.effectiveN).toBeCloseTo(1.23377, 4);
    expect(result.designEffect).toBeCloseTo(16.2105, 3);
    expect(result.designEffectLarge).toBe(true);
    // weighted share of b: 0.9 (all of B's households), raw 1/20
    expect(result.options[1].weightedShare).toBeCloseTo(0.9, 12);
    expect(result.options[1].rawShare).toBeCloseTo(0.05, 12);
  });

  it('leaves suppressed municipalities out, so the weighted share cannot give them away', () => {
    const votes = [
      ...Array.from({ length: 10 }, () => ({
        round: 1,
        group: null,
        municipality: 'A',
        ageBand: null,
        choice: { optionIds: ['a'] },
      })),
      ...Array.from({ length: 3 }, () => ({
        round: 1,
        group: null,
        municipality: 'B',
        ageBand: null,
        choice: { optionIds: ['b'] },
      })),
    ];
    const tally = tallyVotes('choice', votes).get(1)!;
    const result = weightedEstimate(choiceShape, tally, tables({ A: 1000, B: 3000 }), {
      municipality: new Set(['B']),
      ageBand: new Set(),
    })!;
    expect(result.municipalities).toEqual(['A']);
    expect(result.options[0].weightedShare).toBe(1);
  });

  it('gives no weighted estimate without weights', () => {
    const tally = tallyVotes('choice', choiceVotes([['a', 'tenant', 3]])).get(1)!;
    expect(weightedEstimate(choiceShape, tally, tables({}), noneHidden)).toBeNull();
  });
});
