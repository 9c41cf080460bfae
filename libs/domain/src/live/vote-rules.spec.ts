import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { checkChoice, type VoteTarget } from './vote-rules';

const ids = [randomUUID(), randomUUID(), randomUUID()];
const choice: VoteTarget = { kind: 'choice', optionIds: ids, maxChoices: null, budget: null };
const multi: VoteTarget = { kind: 'multi', optionIds: ids, maxChoices: 2, budget: null };
const budget: VoteTarget = { kind: 'budget', optionIds: ids, maxChoices: null, budget: 10 };
const scale: VoteTarget = { kind: 'scale', optionIds: [], maxChoices: null, budget: null };
const code = (target: VoteTarget, value: unknown) => {
  const result = checkChoice(target, value);
  return result.ok ? 'ok' : result.code;
};

describe('checkChoice', () => {
  it('takes exactly one known option for a choice dilemma', () => {
    expect(checkChoice(choice, { optionIds: [ids[1]] })).toEqual({ ok: true, choice: { optionIds: [ids[1]] } });
    expect(code(choice, { optionIds: [] })).toBe('BAD_PAYLOAD');
    expect(code(choice, { optionIds: [ids[0], ids[1]] })).toBe('BAD_PAYLOAD');
    expect(code(choice, { optionIds: [randomUUID()] })).toBe('UNKNOWN_OPTION');
    expect(code(choice, { optionIds: ['optie-1'] })).toBe('BAD_PAYLOAD');
    expect(code(choice, { optionIds: [ids[0]], value: 3 })).toBe('BAD_PAYLOAD');
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

  it('takes whole non-negative points over known options summing exactly to the budget', () => {
    expect(code(budget, { allocation: { [ids[0]]: 7, [ids[1]]: 3 } })).toBe('ok');
    expect(code(budget, { allocation: { [ids[0]]: 10, [ids[1]]: 0 } })).toBe('ok');
    expect(code(budget, { allocation: { [ids[0]]: 9 } })).toBe('BAD_PAYLOAD');
    expect(code(budget, { allocation: { [ids[0]]: 11, [ids[1]]: -1 } })).toBe('BAD_PAYLOAD');
    expect(code(budget, { allocation: { [ids[0]]: 9.5, [ids[1]]: 0.5 } })).toBe('BAD_PAYLOAD');
    expect(code(budget, { allocation: { [ids[0]]: '10' } })).toBe('BAD_PAYLOAD');
    expect(code(budget, { allocation: { [randomUUID()]: 10 } })).toBe('UNKNOWN_OPTION');
    expect(code(budget, { allocation: {} })).toBe('BAD_PAYLOAD');
    expect(code(budget, { allocation: [10] })).toBe('BAD_PAYLOAD');
  });

  it('takes a whole value 1 to 5 for a scale dilemma', () => {
    for (const value of [1, 2, 3, 4, 5]) expect(checkChoice(scale, { value })).toEqual({ ok: true, choice: { value } });
    for (const value of [0, 6, 2.5, '3', null, NaN, Infinity]) expect(code(scale, { value })).toBe('BAD_PAYLOAD');
    expect(code(scale, { optionIds: [ids[0]] })).toBe('BAD_PAYLOAD');
  });

  it('never throws and never accepts arbitrary input for any kind', () => {
    fc.assert(
      fc.property(fc.constantFrom(choice, multi, budget, scale), fc.anything(), (target, value) => {
        const result = checkChoice(target, value);
        return !result.ok || JSON.stringify(result.choice) === JSON.stringify(value);
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
