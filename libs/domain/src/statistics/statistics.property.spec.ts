import fc from 'fast-check';
import { AGE_BANDS, GROUPS } from '@hs/contracts';
import { buildPolicyInput, type DilemmaSource } from './policy-builder';
import { summarizeOptions, summarizeSegments } from './round-summary';
import { workedOut } from './disclosure-check';
import { resultsSuppression } from './output-suppression';
import { poolRounds, tallyVotes, type VoteForTally } from './tally';

const OPTIONS = ['o1', 'o2', 'o3', 'o4'];
const shape = {
  kind: 'choice' as const,
  budget: null,
  options: OPTIONS.map((key) => ({ key, label: key.toUpperCase(), consequence: null })),
};

const vote = fc.record({
  round: fc.constant(1),
  group: fc.constantFrom(...GROUPS, null),
  municipality: fc.constantFrom('Leeuwarden', 'Smallingerland', 'Heerenveen', null),
  ageBand: fc.constantFrom(...AGE_BANDS, null),
  choice: fc.constantFrom(...OPTIONS).map((o) => ({ optionIds: [o] })),
}) as fc.Arbitrary<VoteForTally>;

const manual = fc.dictionary(fc.constantFrom(...OPTIONS), fc.integer({ min: 0, max: 20 }));
const threshold = fc.integer({ min: 1, max: 12 });

describe('statistics: properties', () => {
  it('choice shares (hand counts included) sum to 1 whenever anybody voted', () => {
    fc.assert(
      fc.property(fc.array(vote, { maxLength: 200 }), manual, (votes, hand) => {
        const tally = tallyVotes('choice', votes).get(1) ?? poolRounds([], 1);
        tally.manual = hand;
        const summary = summarizeOptions(shape, tally);
        if (summary.total === 0) return summary.options.every((o) => o.share === 0);
        return Math.abs(summary.options.reduce((s, o) => s + o.share, 0) - 1) < 1e-9;
      }),
    );
  });

  it('segment counts of every dimension sum to the electronic total, suppressed cells included', () => {
    fc.assert(
      fc.property(fc.array(vote, { minLength: 1, maxLength: 200 }), (votes) => {
        const tally = tallyVotes('choice', votes).get(1)!;
        return (['group', 'municipality', 'ageBand'] as const).every(
          (dimension) => Object.values(tally.segments[dimension]).reduce((s, c) => s + c.n, 0) === tally.votes.n,
        );
      }),
    );
  });

  it('never shows a segment under the threshold, and never lets a hidden one be worked out', () => {
    fc.assert(
      fc.property(fc.array(vote, { maxLength: 150 }), threshold, (votes, below) => {
        const tally = tallyVotes('choice', votes).get(1);
        if (!tally) return true;
        return (['group', 'municipality', 'ageBand'] as const).every((dimension) => {
          const cells = tally.segments[dimension];
          const flags = resultsSuppression(tally.votes.n, 0, cells, below);
          const segments = summarizeSegments(shape, cells, dimension, flags.segments);
          const hidden = new Set(segments.filter((s) => s.suppressed).map((s) => s.key));
          const visibleOk = segments.every((s) => (s.suppressed ? s.n === null && s.options === null : (s.n ?? 0) >= below));
          if (flags.overall) return hidden.size === segments.length;
          const table = {
            cells: Object.entries(cells).map(([key, c]) => ({ key, n: c.n })),
            relations: [{ total: tally.votes.n, parts: Object.keys(cells) }],
          };
          return visibleOk && workedOut(table, hidden).length === 0;
        });
      }),
    );
  });

  it('gives identical output whatever the order of the votes, and when counted in parts and pooled', () => {
    fc.assert(
      fc.property(fc.array(vote, { maxLength: 120 }), fc.integer({ min: 0, max: 120 }), (votes, cut) => {
        const whole = tallyVotes('choice', votes).get(1) ?? poolRounds([], 1);
        const reversed = tallyVotes('choice', [...votes].reverse()).get(1) ?? poolRounds([], 1);
        const parts = [votes.slice(0, cut), votes.slice(cut)].map(
          (part) => tallyVotes('choice', part).get(1) ?? poolRounds([], 1),
        );
        const pooled = poolRounds(
          parts.map((tally) => ({ tally })),
          1,
        );
        const pooledOtherWay = poolRounds(
          [...parts].reverse().map((tally) => ({ tally })),
          1,
        );
        const out = (t: typeof whole) =>
          JSON.stringify([
            summarizeOptions(shape, t),
            summarizeSegments(shape, t.segments.group, 'group', resultsSuppression(t.votes.n, 0, t.segments.group, 5).segments),
          ]);
        return out(whole) === out(reversed) && out(whole) === out(pooled) && out(whole) === out(pooledOtherWay);
      }),
    );
  });

  it('builds the same policy input twice and whatever the order of the evenings', () => {
    fc.assert(
      fc.property(fc.array(fc.array(vote, { maxLength: 40 }), { minLength: 1, maxLength: 4 }), (evenings) => {
        const sources: DilemmaSource[] = evenings.map((votes, i) => ({
          id: `d${i}`,
          eveningId: `e${i}`,
          eveningTitle: `Avond ${i}`,
          eveningMunicipality: 'Leeuwarden',
          eveningStartsAt: `2026-0${i + 1}-01T19:00:00Z`,
          position: 1,
          theme: 'woning',
          question: 'Wat vindt u belangrijk?',
          description: null,
          kind: 'choice',
          budget: null,
          linkKey: null,
          options: OPTIONS.map((o) => ({
            id: `${o}-${i}`,
            label: o.toUpperCase(),
            consequence: o === 'o1' ? 'Hogere huur' : null,
          })),
          tallies: tallyVotes(
            'choice',
            votes.map((v) => ({
              ...v,
              choice: { optionIds: (v.choice as { optionIds: string[] }).optionIds.map((o) => `${o}-${i}`) },
            })),
          ),
        }));
        const params = {
          scope: { eveningIds: null, themes: null, municipalities: null, groups: null },
          suppressBelow: 5,
          themeNames: {},
          themeOrder: [],
          weights: { households: { Leeuwarden: 100, Heerenveen: 50 }, ageBands: { '65-79': 30, '80+': 10 } },
        };
        const a = JSON.stringify(buildPolicyInput({ ...params, sources }));
        const b = JSON.stringify(buildPolicyInput({ ...params, sources: [...sources].reverse() }));
        const c = JSON.stringify(buildPolicyInput({ ...params, sources }));
        return a === b && a === c;
      }),
    );
  });
});
