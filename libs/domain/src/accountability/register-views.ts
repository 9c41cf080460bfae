import type { AgreementParty, AgreementStatus, FindingOutcome, FindingState, FrozenQuote, TextTranslations } from '@hs/contracts';
import { AGREEMENT_MOVES } from './agreement-status';
import type { AdviceEntity, AgreementEntity, AgreementEventEntity, FindingEntity, WoonvisieThemeEntity } from '@hs/persistence';

export interface WoonvisieThemeView {
  id: string;
  municipality: string;
  year: number;
  name: string;
  description: string;
}

export interface AgreementView {
  id: string;
  municipality: string;
  year: number;
  theme: { id: string; name: string } | null;
  text: string;
  party: AgreementParty;
  status: AgreementStatus;
  statusSince: string;
  /** The statuses it may move to next (the status rule's answer, so pages need not know the rule). */
  nextStatuses: readonly AgreementStatus[];
  advice: { given: number; answered: number };
  createdAt: string;
  updatedAt: string;
}

export interface AgreementEventView {
  kind: 'status' | 'evaluation';
  from: AgreementStatus | null;
  to: AgreementStatus | null;
  on: string;
  note: string;
  at: string;
}

export interface AdviceView {
  id: string;
  agreementId: string;
  text: string;
  givenOn: string;
  response: string | null;
  respondedOn: string | null;
}

export interface AgreementDetailView extends AgreementView {
  timeline: AgreementEventView[];
  adviceItems: AdviceView[];
}

export interface FindingView {
  id: string;
  municipality: string;
  roundId: string | null;
  text: string;
  translations: TextTranslations;
  quotes: FrozenQuote[];
  response: string;
  responseTranslations: TextTranslations;
  outcome: FindingOutcome;
  state: FindingState;
  publishedAt: string | null;
  agreementIds: string[];
  createdAt: string;
  updatedAt: string;
}

export function toWoonvisieThemeView(t: WoonvisieThemeEntity): WoonvisieThemeView {
  return { id: t.id, municipality: t.municipality, year: t.year, name: t.name, description: t.description };
}

export function toAgreementView(
  a: AgreementEntity,
  themes: Map<string, WoonvisieThemeEntity>,
  advice: AdviceEntity[],
): AgreementView {
  const theme = a.themeId ? themes.get(a.themeId) : undefined;
  const mine = advice.filter((x) => x.agreementId === a.id);
  return {
    id: a.id,
    municipality: a.municipality,
    year: a.year,
    theme: theme ? { id: theme.id, name: theme.name } : null,
    text: a.text,
    party: a.party,
    status: a.status,
    statusSince: a.statusSince,
    nextStatuses: AGREEMENT_MOVES[a.status],
    advice: { given: mine.length, answered: mine.filter((x) => x.response !== null).length },
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
  };
}

export function toEventView(e: AgreementEventEntity): AgreementEventView {
  return { kind: e.kind, from: e.fromStatus, to: e.toStatus, on: e.on, note: e.note, at: e.at.toISOString() };
}

export function toAdviceView(a: AdviceEntity): AdviceView {
  return {
    id: a.id,
    agreementId: a.agreementId,
    text: a.text,
    givenOn: a.givenOn,
    response: a.response,
    respondedOn: a.respondedOn,
  };
}

export function toFindingView(f: FindingEntity, agreementIds: string[]): FindingView {
  return {
    id: f.id,
    municipality: f.municipality,
    roundId: f.roundId,
    text: f.text,
    translations: f.translations,
    quotes: f.quotes,
    response: f.response,
    responseTranslations: f.responseTranslations,
    outcome: f.outcome,
    state: f.state,
    publishedAt: f.publishedAt ? f.publishedAt.toISOString() : null,
    agreementIds,
    createdAt: f.createdAt.toISOString(),
    updatedAt: f.updatedAt.toISOString(),
  };
}
