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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const bad = (message: string): ChoiceCheck => ({ ok: false, code: 'BAD_PAYLOAD', message });
const unknown = (): ChoiceCheck => ({ ok: false, code: 'UNKNOWN_OPTION', message: 'Deze keuze hoort niet bij dit dilemma.' });

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype
  );
}

function onlyKey(choice: Record<string, unknown>, key: string): boolean {
  const keys = Object.keys(choice);
  return keys.length === 1 && keys[0] === key;
}

/**
 * Whether `choice` fits the dilemma (CONTRACT.md, Live: vote). The shape must be exactly the one of
 * the kind; option ids must be UUIDs (else BAD_PAYLOAD) of this dilemma (else UNKNOWN_OPTION).
 * - choice: {optionIds: [one id]}; multi: {optionIds: 1..maxChoices distinct ids};
 * - budget: {allocation: {id: whole points ≥ 0}} summing exactly to the budget;
 * - scale: {value: whole number 1..5}.
 * Returns a fresh copy of the choice, as sent, so nothing else from the payload is stored.
 */
export function checkChoice(target: VoteTarget, choice: unknown): ChoiceCheck {
  if (!isPlainObject(choice)) return bad('De keuze ontbreekt of heeft de verkeerde vorm.');
  const known = new Set(target.optionIds);
  switch (target.kind) {
    case 'choice':
    case 'multi': {
      if (!onlyKey(choice, 'optionIds') || !Array.isArray(choice.optionIds)) {
        return bad('Verwacht {optionIds: [...]} voor dit dilemma.');
      }
      const ids = choice.optionIds as unknown[];
      if (!ids.every((id): id is string => typeof id === 'string' && UUID.test(id))) return bad('Een optie-id is geen UUID.');
      const max = target.kind === 'choice' ? 1 : (target.maxChoices ?? target.optionIds.length);
      if (target.kind === 'choice' && ids.length !== 1) return bad('Kies precies één optie.');
      if (ids.length < 1 || ids.length > max) return bad(`Kies 1 tot ${max} opties.`);
      if (new Set(ids).size !== ids.length) return bad('Een optie staat er twee keer in.');
      if (!ids.every((id) => known.has(id))) return unknown();
      return { ok: true, choice: { optionIds: [...ids] } };
    }
    case 'budget': {
      if (!onlyKey(choice, 'allocation') || !isPlainObject(choice.allocation)) {
        return bad('Verwacht {allocation: {optionId: punten}} voor dit dilemma.');
      }
      const entries = Object.entries(choice.allocation);
      if (entries.length === 0) return bad('Verdeel de punten over de opties.');
      let sum = 0;
      for (const [id, points] of entries) {
        if (!UUID.test(id)) return bad('Een optie-id is geen UUID.');
        if (typeof points !== 'number' || !Number.isSafeInteger(points) || points < 0) {
          return bad('Punten zijn hele getallen van 0 of meer.');
        }
        sum += points;
      }
      if (!entries.every(([id]) => known.has(id))) return unknown();
      if (sum !== target.budget) return bad(`Verdeel precies ${target.budget} punten (nu ${sum}).`);
      return { ok: true, choice: { allocation: Object.fromEntries(entries) as Record<string, number> } };
    }
    case 'scale': {
      if (!onlyKey(choice, 'value')) return bad('Verwacht {value: 1..5} voor dit dilemma.');
      const value = choice.value;
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 5) {
        return bad('Kies een waarde van 1 tot 5.');
      }
      return { ok: true, choice: { value } };
    }
  }
}
