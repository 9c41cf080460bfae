/** Dutch sentences about findings and agreements, shared by the letter, the report chapter and the exports. */
import {
  ACCOUNTABILITY_TERMS,
  type AccountabilityTermKey,
  type AgreementParty,
  type AgreementStatus,
  type FindingOutcome,
  type FrozenQuote,
} from '@hs/contracts';

const DAY = new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', day: 'numeric', month: 'long', year: 'numeric' });

/** "12 maart 2026" for a calendar day (YYYY-MM-DD) or an instant (in Dutch time). */
export function dutchDay(value: string | Date): string {
  const date = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00Z`) : new Date(value);
  return DAY.format(date);
}

const nl = (key: AccountabilityTermKey) => ACCOUNTABILITY_TERMS[key].nl;
export const statusWord = (status: AgreementStatus) => nl(`agreement.status.${status}`);
export const partyWord = (party: AgreementParty) => nl(`agreement.party.${party}`);
export const outcomeWord = (outcome: FindingOutcome) => nl(`finding.outcome.${outcome}`);

/** "75% van de 40 mensen koos "Nu isoleren" (stand op 12 maart 2026)." */
export function quoteSentence(q: FrozenQuote): string {
  return `${Math.round(q.share * 100)}% van de ${q.total} mensen koos "${q.label}" (stand op ${dutchDay(q.asOf)}).`;
}
