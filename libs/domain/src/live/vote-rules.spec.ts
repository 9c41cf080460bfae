import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import type { VoteChoice } from '@hs/contracts';
import { checkChoice, type VoteTarget } from './vote-rules';

const ids = [randomUUID(), randomUUID(), randomUUID()];
const choice: VoteTarget = { kind: 'choice', optionIds: ids, maxChoices: null, budget: null };
const multi: VoteTarget = { kind: 'multi', optionIds: ids, maxChoices: 2, budget: null };
const budget: VoteTarget = { kind: 'budget', optionIds: ids, maxChoices: null, budget: 10 };
const scale: VoteTarget = { kind: 'scale', optionIds: [], maxChoices: null, budget: null };
const code = (target: VoteTarget, value: VoteChoice) => {
  const result = checkChoice(target, value);
  return result.ok ? 'ok' : result.code;
};

/** Well-formed choices (as the socket's DTO lets through), of every shape, over known and unknown ids. */
const anyId = fc.oneof(fc.constantFrom(...ids), fc.uuid());
const wellFormed: fc.Arbitrary<VoteChoice> = fc.oneof(
  fc.record({ optionIds: fc.array(anyId, { minLength: 1, maxLength: 8 }) }),
  fc.record({ allocation: fc.dictionary(anyId, fc.nat(20), { minKeys: 1, maxKeys: 4 }) }),
  fc.record({ value: fc.integer({ min: 1, max: 5 }) }),
);
const shapeOf: Record<VoteTarget['kind'], string> = {
  choice: 'optionIds',
  multi: 'optionIds',
  budget: 'allocation',
  scale: 'value',
};

describe('checkChoice', () => {
  it('takes exactly one known option for a choice dilemma', () => {
    expect(checkChoice(choice, { optionIds: [ids[1]] })).toEqual({ ok: true, choice: { optionIds: [ids[1]] } });
    expect(code(choice, { optionIds: [] })).toBe('BAD_PAYLOAD');
    expect(code(choice, { optionIds: [ids[0], ids[1]] })).toBe('BAD_PAYLOAD');
    expect(code(choice, { optionIds: [randomUUID()] })).toBe('UNKNOWN_OPTION');
    expect(code(choice, { value: 3 })).toBe('BAD_PAYLOAD');
  });

  it('takes 1 to maxChoices distinct known options for a multi dilemma', () => {
    expect(code(multi, { optionIds: [ids[0]] })).toBe('ok');
    expect(code(multi, { optionIds: [ids[0], ids[2]] })).toBe('ok');
    expect(code(multi, { optionIds: ids })).toBe('BAD_PAYLOAD');
    expect(code(multi, { optionIds: [ids[0], ids[0]] })).toBe('BAD_PAYLOAD');
    expect(code(multi, { optionIds: [ids[0], randomUUID()] })).toBe('UNKNOWN_OPTION');
    expect(code({ ...multi, maxChoices: null }, { optionIds: ids })).toBe('ok');
  });

  it('takes points over known options summing exactly to the budget', () => {
    expect(code(budget, { allocation: { [ids[0]]: 7, [ids[1]]: 3 } })).toBe('ok');
    expect(code(budget, { allocation: { [ids[0]]: 10, [ids[1]]: 0 } })).toBe('ok');
    expect(code(budget, { allocation: { [ids[0]]: 9 } })).toBe('BAD_PAYLOAD');
    expect(code(budget, { allocation: { [randomUUID()]: 10 } })).toBe('UNKNOWN_OPTION');
    expect(code(budget, { optionIds: [ids[0]] })).toBe('BAD_PAYLOAD');
  });

  it('takes a value for a scale dilemma', () => {
    for (const value of [1, 2, 3, 4, 5]) expect(checkChoice(scale, { value })).toEqual({ ok: true, choice: { value } });
    expect(code(scale, { optionIds: [ids[0]] })).toBe('BAD_PAYLOAD');
  });

  it('accepts a well-formed choice only in the shape of the kind, over known options, and returns it as sent', () => {
    fc.assert(
      fc.property(fc.constantFrom(choice, multi, budget, scale), wellFormed, (target, value) => {
        const result = checkChoice(target, value);
        if (!result.ok) return true;
        const [key] = Object.keys(value);
        const used = 'optionIds' in value ? value.optionIds : 'allocation' in value ? Object.keys(value.allocation) : [];
        return (
          key === shapeOf[target.kind] &&
          used.every((id) => target.optionIds.includes(id)) &&
          JSON.stringify(result.choice) === JSON.stringify(value)
        );
      }),
      { numRuns: 2000 },
    );
  });

  it('copies the choice, so nothing but the known keys is stored', () => {
    const sent = { optionIds: [ids[0]] };
    const result = checkChoice(choice, sent);
    expect(result.ok && result.choice).not.toBe(sent);
  });
});
