/**
 * The one glossary of what a policy team reads: the dashboard, the CSV, the XLSX and the PDF all name groups,
 * age bands, kinds of dilemma, measures and methods with these words, so a term never differs between a screen
 * and a paper. Dutch is the language of the reports; Frisian and English serve the staff pages.
 * Pure data and small functions; the web pages read the same data from GET /api/glossary.
 * Internal codes (`tenant_org`, `unknown`, `choice`) stay in the data and never reach a reader.
 */
import type { Language, Localized } from './enums';
import { GLOSSARY_EXPLANATIONS } from './glossary-explanations';

const TERMS = {
  // Who took part. One plain word per group, used everywhere (the dashboard once said "Belanghouders" and the
  // PDF "Belanghebbenden"): "Partners" is how the corporation already names the municipality, care and welfare.
  'group.tenant': { nl: 'Huurders', fy: 'Hierders', en: 'Tenants' },
  'group.tenant_org': { nl: 'Huurdersorganisaties', fy: 'Hierdersorganisaasjes', en: 'Tenant organisations' },
  'group.stakeholder': { nl: 'Partners', fy: 'Partners', en: 'Partners' },
  'segment.unknown': { nl: 'Onbekend', fy: 'Net bekend', en: 'Unknown' },
  'age.<30': { nl: 'Jonger dan 30', fy: 'Jonger as 30', en: 'Under 30' },
  'age.30-49': { nl: '30 tot 50 jaar', fy: '30 oant 50 jier', en: '30 to 49' },
  'age.50-64': { nl: '50 tot 65 jaar', fy: '50 oant 65 jier', en: '50 to 64' },
  'age.65-79': { nl: '65 tot 80 jaar', fy: '65 oant 80 jier', en: '65 to 79' },
  'age.80+': { nl: '80 jaar en ouder', fy: '80 jier en âlder', en: '80 and over' },
  // Kinds of dilemma and the five values of a scale.
  'kind.choice': { nl: 'Eén keuze', fy: 'Ien kar', en: 'Single choice' },
  'kind.multi': { nl: 'Meerdere keuzes', fy: 'Mear karren', en: 'Multiple choice' },
  'kind.budget': { nl: 'Punten verdelen', fy: 'Punten ferdiele', en: 'Spread points' },
  'kind.scale': { nl: 'Schaal van 1 tot 5', fy: 'Skaal fan 1 oant 5', en: 'Scale of 1 to 5' },
  'scale.1': { nl: 'Helemaal oneens', fy: 'Hielendal net iens', en: 'Strongly disagree' },
  'scale.2': { nl: 'Oneens', fy: 'Net iens', en: 'Disagree' },
  'scale.3': { nl: 'Neutraal', fy: 'Neutraal', en: 'Neutral' },
  'scale.4': { nl: 'Eens', fy: 'Iens', en: 'Agree' },
  'scale.5': { nl: 'Helemaal eens', fy: 'Hielendal iens', en: 'Strongly agree' },
  // The ways a result is broken down.
  'dimension.theme': { nl: 'Thema', fy: 'Tema', en: 'Theme' },
  'dimension.kind': { nl: 'Soort dilemma', fy: 'Soarte dilemma', en: 'Kind of dilemma' },
  'dimension.total': { nl: 'Totaal', fy: 'Totaal', en: 'Total' },
  'dimension.group': { nl: 'Groep', fy: 'Groep', en: 'Group' },
  'dimension.municipality': { nl: 'Gemeente', fy: 'Gemeente', en: 'Municipality' },
  'dimension.ageBand': { nl: 'Leeftijd', fy: 'Leeftyd', en: 'Age' },
  'dimension.evening': { nl: 'Avond', fy: 'Jûn', en: 'Evening' },
  'dimension.round': { nl: 'Stemronde', fy: 'Stimronde', en: 'Voting round' },
  'dimension.weighting': { nl: 'Weging', fy: 'Weging', en: 'Weighting' },
  'dimension.shift': { nl: 'Verschuiving na discussie', fy: 'Ferskowing nei diskusje', en: 'Shift after discussion' },
  'dimension.consequence': { nl: 'Gevolgen', fy: 'Gefolgen', en: 'Consequences' },
  // What is measured.
  'measure.respondents': { nl: 'Deelnemers', fy: 'Dielnimmers', en: 'Respondents' },
  'measure.manual': { nl: 'Handgeteld', fy: 'Mei de hân teld', en: 'Counted by hand' },
  'measure.count': { nl: 'Aantal', fy: 'Tal', en: 'Count' },
  'measure.points': { nl: 'Punten', fy: 'Punten', en: 'Points' },
  'measure.share': { nl: 'Aandeel', fy: 'Oandiel', en: 'Share' },
  'measure.pointsShare': { nl: 'Aandeel van de punten', fy: 'Oandiel fan de punten', en: 'Share of the points' },
  'measure.meanPoints': { nl: 'Gemiddeld aantal punten', fy: 'Gemiddeld tal punten', en: 'Mean points' },
  'measure.giversShare': { nl: 'Aandeel dat punten gaf', fy: 'Oandiel dat punten joech', en: 'Share who gave points' },
  'measure.mean': { nl: 'Gemiddelde', fy: 'Gemiddelde', en: 'Mean' },
  'measure.interval': { nl: '95%-interval', fy: '95%-ynterval', en: '95% interval' },
  'measure.intervalLow': { nl: 'Interval laag', fy: 'Ynterval leech', en: 'Interval low' },
  'measure.intervalHigh': { nl: 'Interval hoog', fy: 'Ynterval heech', en: 'Interval high' },
  // Plain words (B1), the same as the consensus.* wording below; it was "Eensgezindheid", a hard word.
  'measure.consensus': { nl: 'Overeenstemming', fy: 'Oerienstimming', en: 'Agreement' },
  'measure.weighted': { nl: 'Gewogen aandeel', fy: 'Woegen oandiel', en: 'Weighted share' },
  'measure.raw': { nl: 'Ongewogen aandeel', fy: 'Net woegen oandiel', en: 'Unweighted share' },
  'measure.effectiveN': { nl: 'Effectief aantal deelnemers', fy: 'Effektyf tal dielnimmers', en: 'Effective sample size' },
  'measure.firstRound': { nl: 'Eerste ronde', fy: 'Earste ronde', en: 'First round' },
  'measure.lastRound': { nl: 'Laatste ronde', fy: 'Lêste ronde', en: 'Last round' },
  'measure.shiftPp': { nl: 'Verschuiving in procentpunten', fy: 'Ferskowing yn persintpunten', en: 'Shift in percentage points' },
  'measure.pairedN': { nl: 'Stemden in beide rondes', fy: 'Stimden yn beide rondes', en: 'Voted in both rounds' },
  'measure.consequence': { nl: 'Gevolg', fy: 'Gefolch', en: 'Consequence' },
  'measure.acceptedAnyway': { nl: 'Koos het toch', fy: 'Keas it dochs', en: 'Chose it anyway' },
  'measure.gavePointsAnyway': { nl: 'Gaf er toch punten aan', fy: 'Joech der dochs punten oan', en: 'Gave it points anyway' },
  'measure.differs': { nl: 'Verschilt duidelijk', fy: 'Ferskilt dúdlik', en: 'Clearly differs' },
  'measure.suppressed': { nl: 'Niet getoond', fy: 'Net sjen litten', en: 'Not shown' },
  'consensus.high': { nl: 'grote overeenstemming', fy: 'grutte oerienstimming', en: 'strong agreement' },
  'consensus.mid': { nl: 'redelijke overeenstemming', fy: 'ridlike oerienstimming', en: 'fair agreement' },
  'consensus.low': { nl: 'verdeeld', fy: 'ferdield', en: 'divided' },
  yes: { nl: 'ja', fy: 'ja', en: 'yes' },
  no: { nl: 'nee', fy: 'nee', en: 'no' },
} as const satisfies Record<string, Localized>;

export const GLOSSARY = { ...TERMS, ...GLOSSARY_EXPLANATIONS } satisfies Record<string, Localized>;
export type GlossaryKey = keyof typeof GLOSSARY;

/** A term in one language; `{name}` placeholders are filled from vars. */
export function term(key: GlossaryKey, lang: Language = 'nl', vars: Record<string, string | number> = {}): string {
  return GLOSSARY[key][lang].replace(/\{(\w+)\}/g, (all, name: string) => (name in vars ? String(vars[name]) : all));
}

function lookup(prefix: string, key: string, lang: Language): string | null {
  const full = `${prefix}.${key}`;
  return full in GLOSSARY ? term(full as GlossaryKey, lang) : null;
}

/** A group's name; the "unknown" bucket is "Onbekend"; any other key is data and stays as it is. */
export function groupLabel(key: string, lang: Language = 'nl'): string {
  return lookup('group', key, lang) ?? segmentLabel('municipality', key, lang);
}

export function ageBandLabel(key: string, lang: Language = 'nl'): string {
  return lookup('age', key, lang) ?? segmentLabel('municipality', key, lang);
}

/** A segment's key as people read it: group and age-band codes named, municipality names kept, "unknown" named. */
export function segmentLabel(dimension: 'group' | 'municipality' | 'ageBand', key: string, lang: Language = 'nl'): string {
  if (key === 'unknown' || key === '') return term('segment.unknown', lang);
  if (dimension === 'group') return groupLabel(key, lang);
  if (dimension === 'ageBand') return ageBandLabel(key, lang);
  return key;
}

export function kindLabel(kind: string, lang: Language = 'nl'): string {
  return lookup('kind', kind, lang) ?? kind;
}

/** A scale value "1".."5" with its words, e.g. "4 – Eens". */
export function scaleValueLabel(value: string, lang: Language = 'nl'): string {
  const words = lookup('scale', value, lang);
  return words ? `${value} – ${words}` : value;
}

/** The words for a consensus figure; the same thresholds on every page and paper. */
export function consensusWord(value: number, lang: Language = 'nl'): string {
  return term(value >= 0.75 ? 'consensus.high' : value >= 0.5 ? 'consensus.mid' : 'consensus.low', lang);
}

/** Every term in one language (for a page that only wants one). */
export function glossaryIn(lang: Language): Record<GlossaryKey, string> {
  return Object.fromEntries(Object.entries(GLOSSARY).map(([key, text]) => [key, text[lang]])) as Record<GlossaryKey, string>;
}
