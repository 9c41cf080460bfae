/**
 * Which municipalities' part of the register a caller may read. Everyone on the corporation's side reads all; the
 * people at the table read their own municipalities. The register's services take this, so that the same rule
 * holds on every route that reads or writes the register.
 */
import { DomainError } from '@hs/contracts';

export type ReadScope = { kind: 'all' } | { kind: 'municipalities'; municipalities: readonly string[] };

export const READ_ALL: ReadScope = Object.freeze({ kind: 'all' });

const key = (name: string) => name.trim().toLocaleLowerCase('nl-NL');

export function scopeAllows(scope: ReadScope, municipality: string): boolean {
  return scope.kind === 'all' || scope.municipalities.some((m) => key(m) === key(municipality));
}

/**
 * The municipalities a list may show: as asked when unrestricted; for a restricted caller all of theirs, or the
 * one asked when it is theirs (another one is refused with 403, not answered with nothing).
 */
export function scopeFilter(scope: ReadScope, requested: string | undefined): string[] | undefined {
  if (scope.kind === 'all') return requested ? [requested] : undefined;
  if (requested === undefined) return [...scope.municipalities];
  if (!scopeAllows(scope, requested)) throw notInScope();
  return [requested];
}

export function notInScope(): DomainError {
  return new DomainError('FORBIDDEN', 'Dit hoort bij een gemeente waarvoor uw account geen inzage heeft.');
}
