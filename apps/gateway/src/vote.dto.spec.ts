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
