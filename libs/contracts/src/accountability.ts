/**
 * The vocabulary of the performance-agreement cycle: the register (woonvisie themes, bid items and agreements,
 * advice) and the findings that tell tenants what came of their input ("u zei, wij deden").
 */
import type { Language } from './enums';

/**
 * An item of the register starts as part of the corporation's bid (`bod`) or, when it did not come from the bid,
 * as an agreement (`afgesproken`); then it is carried out and realised, or it lapses (`vervallen`).
 */
export const AGREEMENT_STATUSES = ['bod', 'afgesproken', 'in_uitvoering', 'gerealiseerd', 'vervallen'] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];

/** Who carries an agreement out: the corporation, the municipality or the tenant organisation. */
export const AGREEMENT_PARTIES = ['corporatie', 'gemeente', 'huurdersorganisatie'] as const;
export type AgreementParty = (typeof AGREEMENT_PARTIES)[number];

/** A finding is written as a draft and published once; only published findings are public. */
export const FINDING_STATES = ['draft', 'published'] as const;
export type FindingState = (typeof FINDING_STATES)[number];

/** What the corporation did with what tenants said. */
export const FINDING_OUTCOMES = ['in_behandeling', 'overgenomen', 'deels_overgenomen', 'niet_overgenomen'] as const;
export type FindingOutcome = (typeof FINDING_OUTCOMES)[number];

/** Optional Frisian and English versions of a text written in Dutch; Dutch is the fallback. */
export type TextTranslations = Partial<Record<Exclude<Language, 'nl'>, string>>;

/**
 * A figure a finding quotes, copied from the dilemma's results at `asOf` and never recomputed: a published
 * sentence keeps saying what it said, whatever votes or recounts come later.
 */
export interface FrozenQuote {
  dilemmaId: string;
  question: string;
  /** The voting round of the dilemma (1, or higher after a revote). */
  round: number;
  optionId: string;
  label: string;
  count: number;
  total: number;
  share: number;
  ci95: [number, number];
  asOf: string;
}

export interface FeedbackHistoryEntry {
  on: string;
  /** `published`, `outcome` (the finding's status changed), `response`, or `agreement` (a linked agreement moved). */
  kind: 'published' | 'outcome' | 'response' | 'agreement';
  outcome?: FindingOutcome;
  agreementStatus?: AgreementStatus;
  agreementText?: string;
}

/** One published finding as `GET /api/public/feedback` gives it. */
export interface PublicFinding {
  id: string;
  municipality: string;
  roundId: string | null;
  round: { id: string; name: string; year: number } | null;
  text: string;
  translations: TextTranslations;
  quotes: FrozenQuote[];
  response: string;
  responseTranslations: TextTranslations;
  outcome: FindingOutcome;
  publishedAt: string;
  agreements: Array<{ id: string; text: string; party: AgreementParty; status: AgreementStatus; year: number }>;
  history: FeedbackHistoryEntry[];
}
