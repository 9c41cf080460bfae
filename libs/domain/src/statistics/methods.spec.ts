import { compareCells, holmAdjust, newcombeInterval, twoProportionP } from './differences';
import { mcnemarExactP, pairedDifferenceInterval, pairedOptions, addPairs, emptyPairs, revoteLabel } from './paired-shift';
import { buildPolicyInput, type DilemmaSource } from './policy-builder';
import { tallyVotes, type VoteForTally } from './tally';
import { kishEffectiveN, rake, weightedEstimate } from './weighting';

/*
 * The methods of docs/METHODS.md §5, §7 and §8 against values worked out by hand (the working is in the
 * comments; z = 1.959964, Φ the standard normal distribution function).
 */
const shape = {
  kind: 'choice' as const,
  budget: null,
  options: [
    { key: 'x', label: 'X', consequence: null },
    { key: 'y', label: 'Y', consequence: null },
  ],
};
const noneHidden = { municipality: new Set<string>(), ageBand: new Set<string>() };
const people = (n: number, fields: Partial<VoteForTally> & { option: string }): VoteForTally[] =>
  Array.from({ length: n }, () => ({
    round: 1,
    group: 'tenant',
    municipality: null,
    ageBand: null,
    ...fields,
    choice: { optionIds: [fields.option] },
  }));

describe('differences between cells', () => {
  it("Newcombe's interval for 56/70 − 48/80 is [0.0524, 0.3339] (Newcombe 1998, example (a), method 10)", () => {
    const [low, high] = newcombeInterval(56, 70, 48, 80);
    expect(low).toBeCloseTo(0.0524, 4);
    expect(high).toBeCloseTo(0.3339, 4);
  });

  it('two-proportion test: 0.8 vs 0.6 of 70 and 80: pooled 104/150, z = 0.2 / 0.075467 = 2.6502, p = 0.00805', () => {
    expect(twoProportionP(56, 70, 48, 80)).toBeCloseTo(0.008045, 5);
    expect(twoProportionP(0, 10, 0, 12)).toBe(1);
  });

  it('Holm: p = .01, .04, .03, .005 → sorted ×4, ×3, ×2, ×1 = .02, .03, .06, .04, kept rising: .03, .06, .06, .02', () => {
    const adjusted = holmAdjust([0.01, 0.04, 0.03, 0.005]);
    [0.03, 0.06, 0.06, 0.02].forEach((p, i) => expect(adjusted[i]).toBeCloseTo(p, 12));
  });

  it('flags only differences that hold up after Holm: 0.8 vs 1.0 of 20 has p = 0.035 alone, 0.070 among six', () => {
    // A: 20 of 20 chose X, B: 0 of 20, C: 16 of 20. A–C: pooled 0.9, se = √(0.9·0.1·0.1) = 0.094868,
    // z = 2.1082, p = 0.035015. Six comparisons (3 pairs × 2 options; Y mirrors X): the two A–C p-values are the
    // largest, ranks 5 and 6: max(2 × 0.035015, 1 × 0.035015) = 0.070030 ≥ 0.05 → does not hold. A–B and B–C hold.
    const cells = [
      { key: 'A', n: 20, counts: { X: 20, Y: 0 } },
      { key: 'B', n: 20, counts: { X: 0, Y: 20 } },
      { key: 'C', n: 20, counts: { X: 16, Y: 4 } },
    ];
    const found = compareCells(cells, ['X', 'Y']);
    expect(found).toHaveLength(6);
    const ac = found.find((d) => d.label === 'X' && d.a === 'A' && d.b === 'C')!;
    expect(ac.pValue).toBeCloseTo(0.035015, 5);
    expect(ac.pHolm).toBeCloseTo(0.07003, 5);
    expect(ac).toMatchObject({ comparisons: 6, holds: false });
    expect(ac.diff).toBeCloseTo(0.2, 12);
    expect(found.filter((d) => d.holds).map((d) => `${d.label}:${d.a}-${d.b}`)).toEqual(['X:A-B', 'X:B-C', 'Y:A-B', 'Y:B-C']);
  });
});

describe('paired shift', () => {
  it('exact McNemar: 1 against 6 movers gives 2·(1 + 7)/2⁷ = 0.125; nobody moving gives 1', () => {
    expect(mcnemarExactP(1, 6)).toBeCloseTo(0.125, 12);
    expect(mcnemarExactP(6, 1)).toBeCloseTo(0.125, 12);
    expect(mcnemarExactP(0, 0)).toBe(1);
    // Large counts do not overflow: 500 against 500 is no evidence of a shift.
    expect(mcnemarExactP(500, 500)).toBeCloseTo(1, 6);
  });

  it('Agresti–Min interval: 3 moved away, 0 towards, of 12: (0.5 − 3.5)/14 ± 1.959964·√(4 − 9/14)/14', () => {
    // d̃ = −0.214286, half = 1.959964 · 1.832251 / 14 = 0.256514 → [−0.470800, 0.042228]
    const [low, high] = pairedDifferenceInterval(3, 0, 12);
    expect(low).toBeCloseTo(-0.4708, 4);
    expect(high).toBeCloseTo(0.042228, 4);
  });

  it('counts per option who chose it in both rounds, only first, only last, over the same people', () => {
    const pairs = emptyPairs();
    addPairs(
      pairs,
      'choice',
      [
        { dilemmaId: 'd', first: { optionIds: ['x'] }, last: { optionIds: ['x'] }, n: 5 },
        { dilemmaId: 'd', first: { optionIds: ['x'] }, last: { optionIds: ['y'] }, n: 3 },
        { dilemmaId: 'd', first: { optionIds: ['y'] }, last: { optionIds: ['y'] }, n: 4 },
      ],
      (k) => k,
    );
    const [x, y] = pairedOptions(pairs, shape.options);
    expect(pairs.n).toBe(12);
    // X: 8/12 → 5/12, −25 points; Y: 4/12 → 7/12, +25
    expect(x).toMatchObject({ movedFrom: 3, movedTo: 0 });
    expect(x.pValue).toBeCloseTo(0.25, 12);
    expect(x.shiftPp).toBeCloseTo(-25, 10);
    expect(y).toMatchObject({ movedFrom: 0, movedTo: 3 });
    expect(y.lastShare).toBeCloseTo(7 / 12, 12);
  });

  it('labels what it counts', () => {
    expect(revoteLabel(1)).toBe('op 1 avond opnieuw gestemd');
    expect(revoteLabel(3)).toBe('op 3 avonden opnieuw gestemd');
  });
});

describe('weighting', () => {
  it('Kish: 10 people of weight 0.5 and 10 of 1.5: (Σw)²/Σw² = 20²/25 = 16', () => {
    expect(
      kishEffectiveN([
        { n: 10, weight: 0.5 },
        { n: 10, weight: 1.5 },
      ]),
    ).toBeCloseTo(16, 12);
  });

  it('rakes a 2×2 table to both margins, keeping its cross ratio: a² + 210a − 4000 = 0', () => {
    // Cells (A, young) 10, (A, old) 30, (B, young) 20, (B, old) 40; targets A:B = 50:50, young:old = 40:60.
    // Raking keeps the odds ratio (10·40)/(30·20) = 2/3, so the raked (A, young) = a solves
    // a(10 + a) / ((50 − a)(40 − a)) = 2/3 ⇔ a² + 210a − 4000 = 0 ⇔ a = (−210 + √60100)/2 = 17.576507.
    const a = (-210 + Math.sqrt(60100)) / 2;
    const cells = [
      { key: 'Ay', n: 10, categories: ['A', 'young'] },
      { key: 'Ao', n: 30, categories: ['A', 'old'] },
      { key: 'By', n: 20, categories: ['B', 'young'] },
      { key: 'Bo', n: 40, categories: ['B', 'old'] },
    ];
    const raked = rake(cells, [
      { A: 5000, B: 5000 },
      { young: 4000, old: 6000 },
    ]);
    expect(raked.converged).toBe(true);
    expect(raked.weights.Ay * 10).toBeCloseTo(a, 6);
    expect(raked.weights.Ao * 30).toBeCloseTo(50 - a, 6);
    expect(raked.weights.By * 20).toBeCloseTo(40 - a, 6);
    expect(raked.weights.Bo * 40).toBeCloseTo(10 + a, 6);
    // Kish over the raked weights: 100² / (10·1.757651² + 30·1.080783² + 20·1.121175² + 40·0.689413²) = 90.836
    const nEff = kishEffectiveN(cells.map((c) => ({ n: c.n, weight: raked.weights[c.key] })));
    expect(nEff).toBeCloseTo(90.836, 3);
  });

  it('weights by municipality × age band when both tables are given: the young chose X, so X weighs 40%', () => {
    const votes = [
      ...people(10, { municipality: 'A', ageBand: '<30', option: 'x' }),
      ...people(30, { municipality: 'A', ageBand: '65-79', option: 'y' }),
      ...people(20, { municipality: 'B', ageBand: '<30', option: 'x' }),
      ...people(40, { municipality: 'B', ageBand: '65-79', option: 'y' }),
      ...people(3, { municipality: 'A', ageBand: null, option: 'x' }),
    ];
    const tally = tallyVotes('choice', votes).get(1)!;
    const result = weightedEstimate(
      shape,
      tally,
      { households: { A: 5000, B: 5000 }, ageBands: { '<30': 4000, '65-79': 6000 } },
      noneHidden,
    )!;
    expect(result).toMatchObject({ method: 'raking', margins: ['municipality', 'ageBand'], respondents: 100, converged: true });
    expect(result.ageBands).toEqual(['65-79', '<30']);
    // raw over the same 100: 30 chose X; weighted: the young are 40% of the households
    expect(result.options[0].rawShare).toBeCloseTo(0.3, 12);
    expect(result.options[0].weightedShare).toBeCloseTo(0.4, 8);
    expect(result.effectiveN).toBeCloseTo(90.836, 3);
    expect(result.designEffect).toBeCloseTo(100 / 90.836, 3);
    expect(result.designEffectLarge).toBe(false);
  });
});

describe('policy input from the domain', () => {
  function source(id: string, municipality: string, votes: VoteForTally[]): DilemmaSource {
    return {
      id,
      eveningId: `e-${id}`,
      eveningTitle: `Avond ${municipality}`,
      eveningMunicipality: municipality,
      eveningStartsAt: `2026-05-0${id.length}T18:00:00Z`,
      position: 1,
      theme: 'woning',
      question: 'X of Y?',
      description: null,
      kind: 'choice',
      budget: null,
      linkKey: null,
      options: [
        { id: 'x', label: 'X', consequence: null },
        { id: 'y', label: 'Y', consequence: null },
      ],
      tallies: tallyVotes(
        'choice',
        votes.map((v) => ({ ...v, eveningMunicipalities: [municipality] })),
      ),
    };
  }

  it('puts the Holm-checked differences between visible municipalities in the policy input, none for hidden ones', () => {
    const input = buildPolicyInput({
      scope: { eveningIds: null, themes: null, municipalities: null, groups: null },
      suppressBelow: 5,
      themeNames: {},
      themeOrder: [],
      weights: { households: {}, ageBands: {} },
      sources: [
        source('a', 'A', [...people(20, { option: 'x' })]),
        source('bb', 'B', [...people(20, { option: 'y' })]),
        source('ccc', 'C', [...people(16, { option: 'x' }), ...people(4, { option: 'y' })]),
        source('dddd', 'D', [...people(3, { option: 'x' })]),
      ],
    });
    const [dilemma] = input.themes[0].dilemmas;
    // D (3) is hidden, and with it the smallest other municipality (ties by name: A), so only B and C compare.
    expect(dilemma.municipalities.filter((m) => m.suppressed).map((m) => m.key)).toEqual(['A', 'D']);
    const byMunicipality = dilemma.differences.filter((d) => d.dimension === 'municipality');
    expect(byMunicipality.map((d) => [d.label, d.a, d.b, d.comparisons])).toEqual([
      ['X', 'B', 'C', 2],
      ['Y', 'B', 'C', 2],
    ]);
    expect(byMunicipality.every((d) => d.holds)).toBe(true);
    expect(dilemma.comparison!.evenings.filter((e) => e.suppressed).map((e) => e.municipality)).toEqual(['A', 'D']);
  });
});
