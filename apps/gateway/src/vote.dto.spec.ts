import 'reflect-metadata';
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { parseVotePayload } from './vote.dto';

const good = () => ({ dilemmaId: randomUUID(), clientVoteId: randomUUID(), choice: { optionIds: [randomUUID()] } });

describe('parseVotePayload', () => {
  it('accepts the contract shape and passes the choice on as sent', () => {
    const payload = good();
    expect(parseVotePayload(payload)).toEqual({ ok: true, value: payload });
    expect(parseVotePayload({ ...payload, choice: { value: 3 } }).ok).toBe(true);
    expect(parseVotePayload({ ...payload, choice: { allocation: { [randomUUID()]: 5 } } }).ok).toBe(true);
  });

  it('refuses unknown fields, wrong types and missing fields', () => {
    for (const bad of [
      { ...good(), extra: 1 },
      { ...good(), choice: { optionIds: [randomUUID()], hack: true } },
      { ...good(), dilemmaId: 'abc' },
      { ...good(), clientVoteId: 42 },
      { ...good(), choice: 'a' },
      { ...good(), choice: [1] },
      { ...good(), choice: { value: '3' } },
      { ...good(), choice: { value: 9 } },
      { ...good(), choice: { optionIds: 'x' } },
      { dilemmaId: randomUUID(), choice: { value: 1 } },
      null,
      'vote',
      [good()],
    ]) {
      expect(parseVotePayload(bad).ok).toBe(false);
    }
  });

  it('refuses a choice that is not exactly one well-formed shape (the only check of the shape)', () => {
    const [a, b] = [randomUUID(), randomUUID()];
    for (const choice of [
      { optionIds: ['optie-1'] },
      { optionIds: [a], value: 3 },
      { optionIds: [] },
      { allocation: { [a]: 11, [b]: -1 } },
      { allocation: { [a]: 9.5, [b]: 0.5 } },
      { allocation: { [a]: '10' } },
      { allocation: { 'optie-1': 10 } },
      { allocation: {} },
      { allocation: [10] },
      ...[0, 6, 2.5, '3', null, NaN, Infinity].map((value) => ({ value })),
      {},
    ]) {
      expect(parseVotePayload({ ...good(), choice }).ok).toBe(false);
    }
  });

  it('never accepts arbitrary input as a choice: what passes is one shape, kept as sent', () => {
    fc.assert(
      fc.property(fc.anything(), (choice) => {
        const parsed = parseVotePayload({ ...good(), choice });
        return (
          !parsed.ok ||
          (Object.keys(parsed.value.choice).length === 1 && JSON.stringify(parsed.value.choice) === JSON.stringify(choice))
        );
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws, whatever arrives', () => {
    fc.assert(
      fc.property(fc.anything({ withObjectString: true, withNullPrototype: true, withBigInt: true }), (value) => {
        parseVotePayload(value);
        return true;
      }),
      { numRuns: 2000 },
    );
  });
});
