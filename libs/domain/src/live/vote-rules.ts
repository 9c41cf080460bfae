import type { DilemmaKind, VoteChoice, VoteErrorCode } from '@hs/contracts';

/** What a vote is checked against (see DilemmaDefinition in @hs/persistence). */
export interface VoteTarget {
  kind: DilemmaKind;
  optionIds: string[];
  maxChoices: number | null;
  budget: number | null;
}

export type ChoiceCheck =
  | { ok: true; choice: VoteChoice }
  | { ok: false; code: Extract<VoteErrorCode, 'BAD_PAYLOAD' | 'UNKNOWN_OPTION'>; message: string };

const bad = (message: string): ChoiceCheck => ({ ok: false, code: 'BAD_PAYLOAD', message });
const unknown = (): ChoiceCheck => ({ ok: false, code: 'UNKNOWN_OPTION', message: 'Deze keuze hoort niet bij dit dilemma.' });

/**
 * Whether a well-formed choice fits the dilemma (docs/API.md, `vote`). Its shape (UUIDs, whole
 * points of 0 or more, a whole value 1..5, nothing else) was checked once at the door, by the
 * socket's DTO; here only what needs the dilemma:
 * - choice: {optionIds: [one id]}; multi: {optionIds: 1..maxChoices distinct ids};
 * - budget: {allocation: {id: points}} summing exactly to the budget;
 * - scale: {value}.
 * Option ids must be this dilemma's (else UNKNOWN_OPTION). Returns a fresh copy of the choice.
 */
export function checkChoice(target: VoteTarget, choice: VoteChoice): ChoiceCheck {
  const known = new Set(target.optionIds);
  switch (target.kind) {
    case 'choice':
    case 'multi': {
      if (!('optionIds' in choice)) return bad('Verwacht {optionIds: [...]} voor dit dilemma.');
      const ids = choice.optionIds;
      const max = target.kind === 'choice' ? 1 : (target.maxChoices ?? target.optionIds.length);
      if (target.kind === 'choice' && ids.length !== 1) return bad('Kies precies één optie.');
      if (ids.length < 1 || ids.length > max) return bad(`Kies 1 tot ${max} opties.`);
      if (new Set(ids).size !== ids.length) return bad('Een optie staat er twee keer in.');
      if (!ids.every((id) => known.has(id))) return unknown();
      return { ok: true, choice: { optionIds: [...ids] } };
    }
    case 'budget': {
      if (!('allocation' in choice)) return bad('Verwacht {allocation: {optionId: punten}} voor dit dilemma.');
      const entries = Object.entries(choice.allocation);
      if (!entries.every(([id]) => known.has(id))) return unknown();
      const sum = entries.reduce((total, [, points]) => total + points, 0);
      if (sum !== target.budget) return bad(`Verdeel precies ${target.budget} punten (nu ${sum}).`);
      return { ok: true, choice: { allocation: Object.fromEntries(entries) } };
    }
    case 'scale':
      if (!('value' in choice)) return bad('Verwacht {value: 1..5} voor dit dilemma.');
      return { ok: true, choice: { value: choice.value } };
  }
}
