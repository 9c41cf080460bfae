/**
 * The scope of a policy input or report (PolicyScope in the contracts): normalised once, so that equal scopes are
 * stored alike, and echoed with every field present. A new scope field is one more entry in NORMALIZE (the
 * compiler asks for it) and one more condition where dilemmas or votes are selected.
 */
import { GROUPS, type ParticipantGroup, type PolicyScope, POLICY_SCOPE_FIELDS, type ResolvedScope } from '@hs/contracts';

const sorted = <T extends string>(values: readonly T[]): T[] => [...new Set(values)].sort();

const NORMALIZE: { [K in keyof Required<PolicyScope>]: (value: NonNullable<PolicyScope[K]>) => NonNullable<PolicyScope[K]> } = {
  eveningIds: (ids) => sorted(ids.map((id) => id.toLowerCase())),
  themes: (themes) => sorted(themes.map((t) => t.trim())),
  municipalities: (names) => sorted(names.map((m) => m.trim())),
  groups: (groups) => GROUPS.filter((g) => groups.includes(g)) as ParticipantGroup[],
};

/** Sorted, de-duplicated lists; absent fields stay absent (= everything). */
export function normalizeScope(scope: PolicyScope): PolicyScope {
  const out: PolicyScope = {};
  for (const field of POLICY_SCOPE_FIELDS) {
    const value = scope[field];
    if (value !== undefined && value !== null)
      Object.assign(out, { [field]: (NORMALIZE[field] as (v: typeof value) => unknown)(value) });
  }
  return out;
}

/** The echo in PolicyInput.scope: every field, null where absent. */
export function resolveScope(scope: PolicyScope): ResolvedScope {
  const normal = normalizeScope(scope);
  return Object.fromEntries(POLICY_SCOPE_FIELDS.map((field) => [field, normal[field] ?? null])) as ResolvedScope;
}
