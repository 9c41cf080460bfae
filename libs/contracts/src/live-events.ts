/**
 * The Socket.IO events of docs/API.md ("Live events"), as one typed map shared by the gateway,
 * the tests and the web client; and the internal bus events by which the API and the worker
 * tell the gateway what changed (they never import the gateway: they publish, it delivers).
 */
import type { DilemmaKind, DilemmaStatus, EveningStatus } from './enums';
import type { VoteErrorCode } from './error-codes';

/** The languages content may be translated into; Dutch is the text itself, required, and the fallback. */
export const CONTENT_TRANSLATION_LANGUAGES = ['fy', 'en'] as const;
export type ContentTranslationLanguage = (typeof CONTENT_TRANSLATION_LANGUAGES)[number];

/** Frisian and English texts of a dilemma: only those given; a missing one falls back to the Dutch. */
export type DilemmaTranslations = Partial<Record<ContentTranslationLanguage, { question?: string; description?: string | null }>>;
export type OptionTranslations = Partial<Record<ContentTranslationLanguage, { label?: string; consequence?: string | null }>>;

export interface DilemmaOptionView {
  id: string;
  label: string;
  consequence: string | null;
  /** Frisian and English label and consequence ({} when none); Dutch is the fallback. */
  translations: OptionTranslations;
}

export interface DilemmaView {
  id: string;
  eveningId: string;
  position: number;
  theme: string;
  question: string;
  description: string | null;
  kind: DilemmaKind;
  options: DilemmaOptionView[];
  maxChoices: number | null;
  budget: number | null;
  status: DilemmaStatus;
  round: number;
  revealed: boolean;
  /** Frisian and English question and description ({} when none); Dutch is the fallback. */
  translations: DilemmaTranslations;
  /**
   * The facilitator's countdown, or null. `endsAt` (ISO-8601) while it runs on the
   * open dilemma, else null; with `closeAtZero` the server closes the dilemma when it ends.
   */
  countdown?: DilemmaCountdown | null;
}

export interface DilemmaCountdown {
  seconds: number;
  closeAtZero: boolean;
  endsAt: string | null;
}

export type VoteChoice = { optionIds: string[] } | { allocation: Record<string, number> } | { value: number };

export interface TallyPayload {
  dilemmaId: string;
  round: number;
  /** Respondents: phone votes plus hand-counted ones. */
  total: number;
  /** Per option id (scale: "1".."5"); budget: summed points. Manual counts included. */
  counts: Record<string, number>;
  /** scale only: the average value, manual counts included. */
  mean?: number;
  /** The hand counts apart (already included above). */
  manual?: { total: number; counts: Record<string, number> };
}

export interface StatePayload {
  evening: { id: string; title: string; status: EveningStatus };
  dilemma: DilemmaView | null;
  myVote: { voteId: string; choice: VoteChoice } | null;
  results: TallyPayload | null;
  /**
   * After a revote, the tally of the round before, for staff (the projector shows
   * round 1 beside round 2); null in round 1 and for tenants.
   */
  previousResults?: TallyPayload | null;
}

export interface PresencePayload {
  connected: number;
  voted: number;
}

export interface VotePayload {
  dilemmaId: string;
  clientVoteId: string;
  choice: VoteChoice;
}

export type VoteAck =
  | { ok: true; voteId: string; status: 'new' | 'changed' | 'duplicate' }
  | { ok: false; error: { code: VoteErrorCode; message: string } };

export interface ServerToClientEvents {
  state: (payload: StatePayload) => void;
  dilemma: (payload: { dilemma: DilemmaView }) => void;
  tally: (payload: TallyPayload) => void;
  presence: (payload: PresencePayload) => void;
  /** The evening's status changed (e.g. ended: no more votes). */
  evening: (payload: { evening: StatePayload['evening'] }) => void;
}

export interface ClientToServerEvents {
  vote: (payload: VotePayload, ack: (answer: VoteAck) => void) => void;
}

export const LIVE_NAMESPACE = '/live';

/** Internal bus (Redis pub/sub): what the API and the worker publish for the gateway to deliver. */
export interface LiveBusEvents {
  'dilemma.changed': {
    eveningId: string;
    dilemmaId: string;
    /** `countdown`: the facilitator set or cleared the countdown (an addition). */
    change: 'opened' | 'closed' | 'revealed' | 'revoted' | 'countdown';
  };
  'evening.changed': { eveningId: string; status: EveningStatus };
  'manual-counts.added': { eveningId: string; dilemmaId: string; round: number };
  /**
   * Votes were stored: every gateway re-reads the tally of this dilemma and round (throttled);
   * `rebuild` when the writer could not patch the Redis counters, so they must be recounted.
   */
  'tally.dirty': { eveningId: string; dilemmaId: string; round: number; rebuild?: boolean };
}
export type LiveBusEventName = keyof LiveBusEvents;

/** One bus message: a switch on `event` narrows `payload`, so no handler casts. */
export type LiveBusMessage = { [E in LiveBusEventName]: { event: E; payload: LiveBusEvents[E] } }[LiveBusEventName];
