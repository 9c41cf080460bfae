/**
 * The life of an item in the agreements register, as a pure rule. An item of the bid is agreed or lapses; an
 * agreement is started or lapses; work under way is realised or lapses. Realised and lapsed are final: a new
 * agreement is a new item, so that the register keeps saying what was agreed and what became of it.
 */
import { type AgreementStatus, DomainError } from '@hs/contracts';

export const AGREEMENT_MOVES: Readonly<Record<AgreementStatus, readonly AgreementStatus[]>> = {
  bod: ['afgesproken', 'vervallen'],
  afgesproken: ['in_uitvoering', 'vervallen'],
  in_uitvoering: ['gerealiseerd', 'vervallen'],
  gerealiseerd: [],
  vervallen: [],
};

/** An item enters the register from the bid, or as an agreement that was not in the bid. */
export const INITIAL_AGREEMENT_STATUSES: readonly AgreementStatus[] = ['bod', 'afgesproken'];

/** The order the statuses are shown in (and the step an item has reached on the way to realised). */
export const AGREEMENT_STATUS_ORDER: readonly AgreementStatus[] = [
  'bod',
  'afgesproken',
  'in_uitvoering',
  'gerealiseerd',
  'vervallen',
];

export function canMoveAgreement(from: AgreementStatus, to: AgreementStatus): boolean {
  return AGREEMENT_MOVES[from].includes(to);
}

/** Throws INVALID_TRANSITION (409) for any move the rule does not list, including staying put. */
export function assertAgreementMove(from: AgreementStatus, to: AgreementStatus): void {
  if (canMoveAgreement(from, to)) return;
  const allowed = AGREEMENT_MOVES[from];
  throw new DomainError(
    'INVALID_TRANSITION',
    allowed.length === 0
      ? `Een afspraak met status "${from}" is afgerond en verandert niet meer.`
      : `Van "${from}" kan een afspraak alleen naar: ${allowed.join(', ')}.`,
    { from, to, allowed },
  );
}
