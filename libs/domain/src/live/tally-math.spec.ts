import { randomUUID } from 'node:crypto';
import type { LiveCounters } from '@hs/contracts';
import { addInto, contribution, delta, noCounters, toTally } from './tally-math';

const [a, b, c] = [randomUUID(), randomUUID(), randomUUID()];
const counters = (fields: Partial<LiveCounters>): LiveCounters => ({ ...noCounters(), ...fields });

describe('tally arithmetic', () => {
  it('turns a changed vote into minus the old choice and plus the new', () => {
    expect(delta(null, { optionIds: [a] })).toEqual(counters({ voters: 1, options: { [a]: 1 } }));
    expect(delta({ optionIds: [a] }, { optionIds: [b] })).toEqual(counters({ options: { [a]: -1, [b]: 1 } }));
    expect(delta({ optionIds: [a, b] }, { optionIds: [b, c] })).toEqual(counters({ options: { [a]: -1, [c]: 1 } }));
    expect(delta({ allocation: { [a]: 7, [b]: 3 } }, { allocation: { [a]: 4, [b]: 6 } })).toEqual(
      counters({ options: { [a]: -3, [b]: 3 } }),
    );
    expect(delta({ value: 2 }, { value: 5 })).toEqual(counters({ options: { '2': -1, '5': 1 }, scaleSum: 3 }));
    expect(delta({ value: 4 }, { value: 4 })).toEqual(counters({}));
  });

  it('adds up deltas to the same counters as counting the final votes', () => {
    const summed = noCounters();
    addInto(summed, delta(null, { optionIds: [a] }));
    addInto(summed, delta(null, { optionIds: [b] }));
    addInto(summed, delta({ optionIds: [a] }, { optionIds: [c] }));
    const direct = addInto(addInto(noCounters(), contribution({ optionIds: [b] })), contribution({ optionIds: [c] }));
    const nonZero = (x: LiveCounters) => ({
      ...x,
      options: Object.fromEntries(Object.entries(x.options).filter(([, n]) => n !== 0)),
    });
    expect(nonZero(summed)).toEqual(nonZero(direct));
  });

  it('builds the tally with every option, manual counts included and shown apart', () => {
    const tally = toTally(
      { id: 'd', kind: 'choice', optionIds: [a, b, c] },
      2,
      counters({ voters: 3, options: { [a]: 2, [b]: 1 }, manual: { [a]: 4 }, manualPeople: 4 }),
    );
    expect(tally).toEqual({
      dilemmaId: 'd',
      round: 2,
      total: 7,
      counts: { [a]: 6, [b]: 1, [c]: 0 },
      manual: { total: 4, counts: { [a]: 4, [b]: 0, [c]: 0 } },
    });
  });

  it('gives scale counts per value 1..5 and the mean over phone and hand votes', () => {
    const tally = toTally(
      { id: 'd', kind: 'scale', optionIds: [] },
      1,
      counters({ voters: 2, options: { '1': 1, '5': 1 }, scaleSum: 6, manual: { '3': 2 }, manualPeople: 2 }),
    );
    expect(tally.counts).toEqual({ '1': 1, '2': 0, '3': 2, '4': 0, '5': 1 });
    expect(tally.mean).toBe(3);
    expect(toTally({ id: 'd', kind: 'scale', optionIds: [] }, 1, noCounters()).mean).toBeUndefined();
  });
});
