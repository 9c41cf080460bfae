import { randomUUID } from 'node:crypto';
import { addInto, contribution, delta, toTally } from './tally-math';

const [a, b, c] = [randomUUID(), randomUUID(), randomUUID()];

describe('tally arithmetic', () => {
  it('turns a changed vote into minus the old choice and plus the new', () => {
    expect(delta(null, { optionIds: [a] })).toEqual({ v: 1, [`o:${a}`]: 1 });
    expect(delta({ optionIds: [a] }, { optionIds: [b] })).toEqual({ [`o:${a}`]: -1, [`o:${b}`]: 1 });
    expect(delta({ optionIds: [a, b] }, { optionIds: [b, c] })).toEqual({ [`o:${a}`]: -1, [`o:${c}`]: 1 });
    expect(delta({ allocation: { [a]: 7, [b]: 3 } }, { allocation: { [a]: 4, [b]: 6 } })).toEqual({
      [`o:${a}`]: -3,
      [`o:${b}`]: 3,
    });
    expect(delta({ value: 2 }, { value: 5 })).toEqual({ 'o:2': -1, 'o:5': 1, s: 3 });
    expect(delta({ value: 4 }, { value: 4 })).toEqual({});
  });

  it('adds up deltas to the same counters as counting the final votes', () => {
    const counters = {};
    addInto(counters, delta(null, { optionIds: [a] }));
    addInto(counters, delta(null, { optionIds: [b] }));
    addInto(counters, delta({ optionIds: [a] }, { optionIds: [c] }));
    const direct = addInto(addInto({}, contribution({ optionIds: [b] })), contribution({ optionIds: [c] }));
    const nonZero = (x: Record<string, number>) => Object.fromEntries(Object.entries(x).filter(([, n]) => n !== 0));
    expect(nonZero(counters)).toEqual(nonZero(direct));
  });

  it('builds the tally with every option, manual counts included and shown apart', () => {
    const tally = toTally({ id: 'd', kind: 'choice', optionIds: [a, b, c] }, 2, {
      v: 3,
      [`o:${a}`]: 2,
      [`o:${b}`]: 1,
      [`m:${a}`]: 4,
      mr: 4,
    });
    expect(tally).toEqual({
      dilemmaId: 'd',
      round: 2,
      total: 7,
      counts: { [a]: 6, [b]: 1, [c]: 0 },
      manual: { total: 4, counts: { [a]: 4, [b]: 0, [c]: 0 } },
    });
  });

  it('gives scale counts per value 1..5 and the mean over phone and hand votes', () => {
    const tally = toTally({ id: 'd', kind: 'scale', optionIds: [] }, 1, { v: 2, 'o:1': 1, 'o:5': 1, s: 6, 'm:3': 2, mr: 2 });
    expect(tally.counts).toEqual({ '1': 1, '2': 0, '3': 2, '4': 0, '5': 1 });
    expect(tally.mean).toBe(3);
    expect(toTally({ id: 'd', kind: 'scale', optionIds: [] }, 1, {}).mean).toBeUndefined();
  });
});
