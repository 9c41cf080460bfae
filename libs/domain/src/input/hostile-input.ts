/**
 * Input that no request of ours ever needs and that hurts when it gets through (issue: abuse resistance):
 * - nesting deeper than MAX_INPUT_DEPTH: class-transformer and class-validator recurse per level, so a
 *   90 KB body 45,000 levels deep cost ~72 ms of CPU and a stack overflow per request;
 * - a NUL character: PostgreSQL refuses it in text (22021), which surfaced as a 500;
 * - the keys `__proto__`, `constructor` and `prototype`: class-transformer skips them before the
 *   unknown-field check, so they slipped through validation.
 * One walk, before validation, at every door (HTTP body, query and path; socket payloads). It is
 * iterative so that the walk itself cannot overflow the stack, and stops at the first problem.
 */
export const MAX_INPUT_DEPTH = 32;

const PROTOTYPE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export type HostileInput = 'too-deep' | 'nul' | 'prototype-key';

const hasNul = (text: string) => text.includes('\u0000');

/** The first hostile trait of a parsed JSON value (or query object), or null when there is none. */
export function findHostileInput(value: unknown, maxDepth = MAX_INPUT_DEPTH): HostileInput | null {
  const pending: Array<[unknown, number]> = [[value, 0]];
  while (pending.length > 0) {
    const [current, depth] = pending.pop()!;
    if (typeof current === 'string') {
      if (hasNul(current)) return 'nul';
      continue;
    }
    if (typeof current !== 'object' || current === null) continue;
    if (depth >= maxDepth) return 'too-deep';
    if (Array.isArray(current)) {
      for (const item of current) pending.push([item, depth + 1]);
      continue;
    }
    for (const key of Object.keys(current)) {
      if (PROTOTYPE_KEYS.has(key)) return 'prototype-key';
      if (hasNul(key)) return 'nul';
      pending.push([(current as Record<string, unknown>)[key], depth + 1]);
    }
  }
  return null;
}

/** A URL whose path or query carries a NUL, raw or percent-encoded. */
export function urlHasNul(url: string): boolean {
  return /%00/.test(url) || hasNul(url);
}

/** What a client is told, in Dutch like every other message of the API. */
export function hostileInputMessage(problem: HostileInput): string {
  switch (problem) {
    case 'too-deep':
      return `Het verzoek is te diep genest (hoogstens ${MAX_INPUT_DEPTH} niveaus).`;
    case 'nul':
      return 'Het verzoek bevat een NUL-teken; dat nemen we niet aan.';
    case 'prototype-key':
      return 'Het verzoek bevat een niet-toegestane sleutel (__proto__, constructor of prototype).';
  }
}
