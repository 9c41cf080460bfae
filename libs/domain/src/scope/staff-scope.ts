/**
 * Which municipalities a staff account may read. Admins, analysts and facilitators see everything; the people at
 * the table (a tenant organisation, a municipality) see the municipalities their account lists and nothing else.
 * These pure rules are the only place that decides it: the HTTP guard, the services and the reports call them.
 */
import { DomainError, isScopedRole, type StaffRole } from '@hs/contracts';

export type StaffScope = { kind: 'all' } | { kind: 'municipalities'; municipalities: readonly string[] };

export const EVERYTHING: StaffScope = Object.freeze({ kind: 'all' });

/** Names compare without case and surrounding spaces ("leeuwarden " is Leeuwarden), as the policy input's filter does. */
export function municipalityKey(name: string): string {
  return name.trim().toLocaleLowerCase('nl-NL');
}

/** Trimmed, without duplicates (case-insensitively), in the order given. */
export function normalizeMunicipalities(names: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const name of names) {
    const key = municipalityKey(name);
    if (key.length === 0 || seen.has(key)) continue;
    seen.add(key);
    out.push(name.trim());
  }
  return out;
}

/** The user → scope rule. A scoped role without municipalities (which the database refuses) sees nothing. */
export function scopeOf(user: { role: StaffRole; municipalities: readonly string[] }): StaffScope {
  if (!isScopedRole(user.role)) return EVERYTHING;
  return { kind: 'municipalities', municipalities: normalizeMunicipalities(user.municipalities) };
}

/** The municipalities an evening serves: the ones whose figures its results mix. */
export function eveningMunicipalities(evening: { municipality: string; otherMunicipalities?: readonly string[] }): string[] {
  return [evening.municipality, ...(evening.otherMunicipalities ?? [])];
}

export function isRestricted(scope: StaffScope): scope is Extract<StaffScope, { kind: 'municipalities' }> {
  return scope.kind === 'municipalities';
}

export function allowsMunicipality(scope: StaffScope, municipality: string): boolean {
  if (!isRestricted(scope)) return true;
  const key = municipalityKey(municipality);
  return scope.municipalities.some((m) => municipalityKey(m) === key);
}

/**
 * Whether everything tied to these municipalities may be read: an evening that serves Leeuwarden and Harlingen
 * is not a Leeuwarden evening for someone who may only read Leeuwarden (its per-evening figures mix both).
 */
export function allowsAll(scope: StaffScope, municipalities: readonly string[]): boolean {
  if (!isRestricted(scope)) return true;
  return municipalities.length > 0 && municipalities.every((m) => allowsMunicipality(scope, m));
}

export function outOfScope(): DomainError {
  return new DomainError('OUT_OF_SCOPE', 'Dit hoort bij een gemeente waarvoor uw account geen inzage heeft.');
}

/**
 * A municipality filter narrowed to the scope. Unrestricted: as asked. Restricted: absent means "all of mine";
 * asking for a municipality outside the scope is refused (403) rather than quietly answered with less.
 */
export function narrowMunicipalities(scope: StaffScope, requested: readonly string[] | undefined): string[] | undefined {
  if (!isRestricted(scope)) return requested ? [...requested] : undefined;
  if (requested === undefined) return [...scope.municipalities];
  if (!requested.every((m) => allowsMunicipality(scope, m))) throw outOfScope();
  return [...requested];
}

/** Throws OUT_OF_SCOPE unless every one of these municipalities is in the scope. */
export function assertAllowsAll(scope: StaffScope, municipalities: readonly string[]): void {
  if (!allowsAll(scope, municipalities)) throw outOfScope();
}
