/**
 * The rules of a finding, pure. What it quotes is copied from a dilemma's results at one moment (a frozen quote),
 * and once it is published its sentence and figures never change: only what was done with it (the response, the
 * outcome and the linked agreements) may still move, and each such move becomes part of its public history.
 */
import {
  type DilemmaKind,
  DomainError,
  type FindingOutcome,
  type FindingState,
  type FrozenQuote,
  type OptionResult,
} from '@hs/contracts';

export interface QuoteSource {
  dilemmaId: string;
  question: string;
  kind: DilemmaKind;
  round: number;
  total: number;
  options: readonly OptionResult[];
}

/**
 * Copies one option's figures. Refused (400): a budget dilemma (its shares are of points, not of people), an
 * unknown option, and a result of fewer than `suppressBelow` people, which may not be shown, let alone published.
 */
export function freezeQuote(source: QuoteSource, optionId: string, asOf: Date, suppressBelow: number): FrozenQuote {
  if (source.kind === 'budget') {
    throw new DomainError(
      'INVALID_QUOTE',
      'Een budgetdilemma verdeelt punten, geen mensen: kies een ander dilemma om te citeren.',
    );
  }
  const option = source.options.find((o) => o.optionId === optionId);
  if (!option) throw new DomainError('INVALID_QUOTE', `Dit dilemma heeft geen optie ${optionId}.`);
  if (source.total < suppressBelow) {
    throw new DomainError('INVALID_QUOTE', `Minder dan ${suppressBelow} mensen stemden hierover: dit cijfer wordt niet getoond.`);
  }
  return {
    dilemmaId: source.dilemmaId,
    question: source.question,
    round: source.round,
    optionId,
    label: option.label,
    count: option.count,
    total: source.total,
    share: option.share,
    ci95: [option.ci95[0], option.ci95[1]],
    asOf: asOf.toISOString(),
  };
}

export interface FindingPatch {
  roundId?: string | null;
  text?: string;
  translations?: object;
  quotes?: unknown;
  response?: string;
  responseTranslations?: object;
  outcome?: FindingOutcome;
  agreementIds?: readonly string[];
}

/** What a published finding may no longer change: what tenants were told they said. */
export const FIXED_ONCE_PUBLISHED: ReadonlyArray<keyof FindingPatch> = ['roundId', 'text', 'translations', 'quotes'];

/** Throws FINDING_PUBLISHED (409) when a patch touches the sentence or figures of a published finding. */
export function assertFindingPatch(state: FindingState, patch: FindingPatch): void {
  if (state === 'draft') return;
  const refused = FIXED_ONCE_PUBLISHED.filter((key) => patch[key] !== undefined);
  if (refused.length) {
    throw new DomainError(
      'FINDING_PUBLISHED',
      `Deze bevinding is gepubliceerd: tekst en cijfers liggen vast (${refused.join(', ')}). Schrijf zo nodig een nieuwe.`,
      { refused },
    );
  }
}

/** The public history a patch of a published finding adds: a changed outcome and a changed response. */
export function historyOf(
  current: { state: FindingState; outcome: FindingOutcome; response: string },
  patch: FindingPatch,
): Array<{ kind: 'outcome' | 'response'; outcome: FindingOutcome | null }> {
  if (current.state !== 'published') return [];
  const events: Array<{ kind: 'outcome' | 'response'; outcome: FindingOutcome | null }> = [];
  if (patch.outcome !== undefined && patch.outcome !== current.outcome) events.push({ kind: 'outcome', outcome: patch.outcome });
  if (patch.response !== undefined && patch.response !== current.response) events.push({ kind: 'response', outcome: null });
  return events;
}

/** Today's calendar day in the Netherlands, YYYY-MM-DD: the default date of a status move, evaluation or advice. */
export function amsterdamDay(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Amsterdam',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}
