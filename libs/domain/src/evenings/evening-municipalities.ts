/**
 * Which municipality a participant counts for: the evening's own, or, where the evening serves several, the one
 * the tenant picked from its list (docs/METHODS.md §9). The counting SQL (AggregationRepository) applies the same
 * rule to every stored vote, so a participant row from before this rule counts for the evening's municipality too.
 */
import { DomainError } from '@hs/contracts';

/** An evening serves at most this many municipalities: a pick on a phone must fit on one screen. */
export const MAX_MUNICIPALITIES = 12;
const MAX_NAME = 100;

const fold = (name: string) => name.trim().toLocaleLowerCase('nl');

/** All municipalities of an evening, its main one first. */
export function eveningMunicipalities(evening: { municipality: string; otherMunicipalities?: string[] | null }): string[] {
  return [evening.municipality, ...(evening.otherMunicipalities ?? [])];
}

/**
 * The further municipalities to store, from a list given by a client: trimmed, the main one left out (it is
 * always first), each at most 100 characters, no name twice (case-insensitively), at most MAX_MUNICIPALITIES in all.
 */
export function otherMunicipalities(main: string, list: readonly string[]): string[] {
  const seen = new Set([fold(main)]);
  const others: string[] = [];
  for (const raw of list) {
    const name = raw.trim();
    if (!name || name.length > MAX_NAME) throw new DomainError('VALIDATION_FAILED', 'Een gemeentenaam is leeg of te lang.');
    if (fold(name) === fold(main)) continue;
    if (seen.has(fold(name))) throw new DomainError('VALIDATION_FAILED', `${name} staat twee keer in municipalities.`);
    seen.add(fold(name));
    others.push(name);
  }
  if (others.length + 1 > MAX_MUNICIPALITIES)
    throw new DomainError('VALIDATION_FAILED', `Een avond kan hoogstens ${MAX_MUNICIPALITIES} gemeenten hebben.`);
  return others;
}

/**
 * The municipality a joining tenant counts for. One municipality: that one (a pick, if given, must be it).
 * Several: the tenant's pick, matched case-insensitively and stored as the evening spells it; without a pick
 * the error carries the list to choose from.
 */
export function countedMunicipality(
  evening: { municipality: string; otherMunicipalities?: string[] | null },
  pick: string | undefined | null,
): string {
  const list = eveningMunicipalities(evening);
  const wanted = pick?.trim();
  if (!wanted) {
    if (list.length === 1) return list[0];
    throw new DomainError('MUNICIPALITY_REQUIRED', 'Kies de gemeente waar u woont.', { choices: list });
  }
  const match = list.find((m) => fold(m) === fold(wanted));
  if (!match) {
    throw new DomainError('MUNICIPALITY_NOT_SERVED', `Deze avond is voor ${list.join(', ')}; kies een van die gemeenten.`, {
      choices: list,
    });
  }
  return match;
}
