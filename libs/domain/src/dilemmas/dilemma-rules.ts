import {
  CONTENT_TRANSLATION_LANGUAGES,
  type ContentTranslationLanguage,
  DomainError,
  type DilemmaKind,
  type DilemmaStatus,
  type EveningStatus,
  type OptionTranslations,
} from '@hs/contracts';

export const MIN_OPTIONS = 2;
export const MAX_OPTIONS = 8;
export const MAX_BUDGET = 1000;

export interface DilemmaShapeInput {
  kind: DilemmaKind;
  options?: Array<{ label: string; consequence?: string | null }>;
  maxChoices?: number | null;
  budget?: number | null;
}

export interface DilemmaShape {
  options: Array<{ label: string; consequence: string | null }>;
  maxChoices: number | null;
  budget: number | null;
}

function invalid(message: string): DomainError {
  return new DomainError('INVALID_DILEMMA', message);
}

function isWhole(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value);
}

/**
 * The rules per kind (docs/API.md, Dilemmas), with the defaults filled in:
 * - choice: 2–8 options; no maxChoices, no budget.
 * - multi: 2–8 options; maxChoices 1..options (default: all options).
 * - budget: 2–8 options; budget a whole number 1..1000 (required).
 * - scale: the answer is a value 1..5, so options must be empty (given options would be
 *   silently meaningless; we refuse them rather than drop what the facilitator typed).
 * maxChoices is only for multi and budget only for budget. Labels must be unique per dilemma
 * (case and surrounding spaces ignored), because tenants pick by label.
 */
export function validateDilemmaShape(input: DilemmaShapeInput): DilemmaShape {
  const options = (input.options ?? []).map((o) => ({ label: o.label, consequence: o.consequence ?? null }));
  const hasMax = input.maxChoices !== undefined && input.maxChoices !== null;
  const hasBudget = input.budget !== undefined && input.budget !== null;
  if (hasMax && input.kind !== 'multi') throw invalid('maxChoices hoort alleen bij een dilemma van soort "multi".');
  if (hasBudget && input.kind !== 'budget') throw invalid('budget hoort alleen bij een dilemma van soort "budget".');

  if (input.kind === 'scale') {
    if (options.length > 0) throw invalid('Een schaalvraag (soort "scale") heeft geen opties: het antwoord is 1 tot 5.');
    return { options, maxChoices: null, budget: null };
  }

  if (options.length < MIN_OPTIONS || options.length > MAX_OPTIONS) {
    throw invalid(`Een dilemma van soort "${input.kind}" heeft ${MIN_OPTIONS} tot ${MAX_OPTIONS} opties nodig.`);
  }
  const labels = options.map((o) => o.label.trim().toLocaleLowerCase('nl'));
  if (labels.some((label) => label.length === 0)) throw invalid('Elke optie heeft een label nodig.');
  if (new Set(labels).size !== labels.length) throw invalid('Twee opties hebben hetzelfde label.');

  switch (input.kind) {
    case 'choice':
      return { options, maxChoices: null, budget: null };
    case 'multi': {
      const maxChoices = hasMax ? input.maxChoices : options.length;
      if (!isWhole(maxChoices) || maxChoices < 1 || maxChoices > options.length) {
        throw invalid(`maxChoices moet een geheel getal van 1 tot ${options.length} (het aantal opties) zijn.`);
      }
      return { options, maxChoices, budget: null };
    }
    case 'budget':
      if (!hasBudget || !isWhole(input.budget) || input.budget < 1 || input.budget > MAX_BUDGET) {
        throw invalid(`Een budgetverdeling heeft een budget nodig: een geheel getal van 1 tot ${MAX_BUDGET}.`);
      }
      return { options, maxChoices: null, budget: input.budget };
  }
}

/** The key that links the same dilemma across evenings when none is given: theme + question, normalised. */
export function defaultLinkKey(theme: string, question: string): string {
  return `${theme}|${question.trim().replace(/\s+/g, ' ').toLocaleLowerCase('nl')}`;
}

export type DilemmaMoveName = 'open' | 'close' | 'reveal' | 'revote';

export interface DilemmaMoveRequirement {
  /** The states the dilemma may be in. */
  from: readonly DilemmaStatus[];
  /** Reveal is not idempotent: revealing twice is refused, as the reveal broadcast is an event. */
  onlyUnrevealed: boolean;
  /** Open and revote start voting, which needs a live evening. */
  needsLiveEvening: boolean;
}

/**
 * open: draft → open (a closed dilemma is opened again through revote, which starts a new round);
 * close: open → closed; reveal: open or closed, not yet revealed; revote: closed → open, round + 1.
 */
export const DILEMMA_MOVES: Readonly<Record<DilemmaMoveName, DilemmaMoveRequirement>> = {
  open: { from: ['draft'], onlyUnrevealed: false, needsLiveEvening: true },
  close: { from: ['open'], onlyUnrevealed: false, needsLiveEvening: false },
  reveal: { from: ['open', 'closed'], onlyUnrevealed: true, needsLiveEvening: false },
  revote: { from: ['closed'], onlyUnrevealed: false, needsLiveEvening: true },
};

/** Whether a dilemma in this state may make this move (the database UPDATE checks the same, atomically). */
export function canMoveDilemma(move: DilemmaMoveName, state: { status: DilemmaStatus; revealed: boolean }): boolean {
  const rule = DILEMMA_MOVES[move];
  return rule.from.includes(state.status) && !(rule.onlyUnrevealed && state.revealed);
}

/** Throws 409 EVENING_NOT_LIVE unless the evening is live. */
export function assertEveningLive(status: EveningStatus): void {
  if (status !== 'live') throw new DomainError('EVENING_NOT_LIVE', 'De avond is niet live; start eerst de avond.');
}

/** Throws 409 EVENING_ENDED: an ended evening's agenda is history. */
export function assertEveningNotEnded(status: EveningStatus): void {
  if (status === 'ended') throw new DomainError('EVENING_ENDED', 'Deze avond is afgelopen; er kunnen geen dilemma’s meer bij.');
}

/**
 * Translations as stored: only fy and en, only the given texts, a blank text left out (so the Dutch shows rather
 * than nothing). The DTO has refused other keys and wrong types already; this keeps the stored shape tidy.
 */
export function cleanTranslations<K extends string>(
  given: Partial<Record<ContentTranslationLanguage, Partial<Record<K, string | null>>>> | null | undefined,
  fields: readonly K[],
): Partial<Record<ContentTranslationLanguage, Partial<Record<K, string>>>> {
  const clean: Partial<Record<ContentTranslationLanguage, Partial<Record<K, string>>>> = {};
  for (const lang of CONTENT_TRANSLATION_LANGUAGES) {
    const texts = given?.[lang];
    if (!texts) continue;
    const kept: Partial<Record<K, string>> = {};
    for (const field of fields) {
      const text = texts[field];
      if (typeof text === 'string' && text.trim()) kept[field] = text;
    }
    if (Object.keys(kept).length) clean[lang] = kept;
  }
  return clean;
}

export const DILEMMA_TEXTS = ['question', 'description'] as const;
export const OPTION_TEXTS = ['label', 'consequence'] as const;

/** An option as given to a dilemma or a template: its Dutch texts and, optionally, their translations. */
export interface TranslatedOptionInput {
  label: string;
  consequence?: string | null;
  translations?: OptionTranslations;
}

/** The options as stored: the shape's Dutch texts with each option's cleaned translations beside them. */
export function withOptionTranslations(
  shaped: Array<{ label: string; consequence: string | null }>,
  given: readonly TranslatedOptionInput[] | null | undefined,
): Array<{ label: string; consequence: string | null; translations: OptionTranslations }> {
  return shaped.map((option, i) => ({ ...option, translations: cleanTranslations(given?.[i]?.translations, OPTION_TEXTS) }));
}
