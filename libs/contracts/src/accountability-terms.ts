/**
 * The words for the register and the findings, in the glossary's form (key → {nl, fy, en}): the staff pages, the
 * public feedback page, the letter, the exports and the report chapter all say the same thing for the same code.
 */
import type { Localized } from './enums';

export const ACCOUNTABILITY_TERMS = {
  'agreement.status.bod': { nl: 'In het bod', fy: 'Yn it bod', en: 'In the bid' },
  'agreement.status.afgesproken': { nl: 'Afgesproken', fy: 'Ofpraat', en: 'Agreed' },
  'agreement.status.in_uitvoering': { nl: 'In uitvoering', fy: 'Yn útfiering', en: 'Under way' },
  'agreement.status.gerealiseerd': { nl: 'Gerealiseerd', fy: 'Realisearre', en: 'Done' },
  'agreement.status.vervallen': { nl: 'Vervallen', fy: 'Ferfallen', en: 'Dropped' },
  'agreement.party.corporatie': { nl: 'Corporatie', fy: 'Korporaasje', en: 'Housing corporation' },
  'agreement.party.gemeente': { nl: 'Gemeente', fy: 'Gemeente', en: 'Municipality' },
  'agreement.party.huurdersorganisatie': { nl: 'Huurdersorganisatie', fy: 'Hierdersorganisaasje', en: 'Tenant organisation' },
  'finding.outcome.in_behandeling': { nl: 'We bekijken het nog', fy: 'Wy besjogge it noch', en: 'We are still looking at it' },
  'finding.outcome.overgenomen': { nl: 'Overgenomen', fy: 'Oernommen', en: 'Taken on' },
  'finding.outcome.deels_overgenomen': { nl: 'Deels overgenomen', fy: 'Foar in part oernommen', en: 'Partly taken on' },
  'finding.outcome.niet_overgenomen': { nl: 'Niet overgenomen', fy: 'Net oernommen', en: 'Not taken on' },
  'finding.state.draft': { nl: 'Concept', fy: 'Konsept', en: 'Draft' },
  'finding.state.published': { nl: 'Gepubliceerd', fy: 'Publisearre', en: 'Published' },
  'register.municipality': { nl: 'Gemeente', fy: 'Gemeente', en: 'Municipality' },
  'register.year': { nl: 'Jaar', fy: 'Jier', en: 'Year' },
  'register.theme': { nl: 'Thema uit de woonvisie', fy: 'Tema út de wenfisy', en: 'Housing vision theme' },
  'register.text': { nl: 'Afspraak', fy: 'Ofspraak', en: 'Agreement' },
  'register.party': { nl: 'Wie voert het uit', fy: 'Wa fiert it út', en: 'Carried out by' },
  'register.status': { nl: 'Stand van zaken', fy: 'Stân fan saken', en: 'Status' },
  'register.statusSince': { nl: 'Sinds', fy: 'Sûnt', en: 'Since' },
  'register.evaluations': { nl: 'Tussentijdse evaluatie', fy: 'Tuskentiidske evaluaasje', en: 'Mid-year evaluation' },
  'register.adviceGiven': { nl: 'Adviezen', fy: 'Advizen', en: 'Advice given' },
  'register.adviceAnswered': { nl: 'Adviezen beantwoord', fy: 'Advizen beäntwurde', en: 'Advice answered' },
  'finding.text': { nl: 'U zei', fy: 'Jo seinen', en: 'You said' },
  'finding.response': { nl: 'Wij deden', fy: 'Wy diene', en: 'We did' },
  'finding.outcome': { nl: 'Wat ermee gebeurde', fy: 'Wat der mei barde', en: 'What happened' },
  'finding.state': { nl: 'Status', fy: 'Status', en: 'State' },
  'finding.publishedAt': { nl: 'Gepubliceerd op', fy: 'Publisearre op', en: 'Published on' },
  'finding.quote': { nl: 'Cijfer', fy: 'Sifer', en: 'Figure' },
  'finding.quoteAsOf': { nl: 'Stand op', fy: 'Stân op', en: 'As of' },
  'finding.agreements': { nl: 'Afspraken', fy: 'Ofspraken', en: 'Agreements' },
} as const satisfies Record<string, Localized>;

export type AccountabilityTermKey = keyof typeof ACCOUNTABILITY_TERMS;
