/**
 * The glossary's explanations: one or two plain sentences per method, shown where the figure appears (the
 * dashboard, the PDF's method appendix, the XLSX codebook). `{n}` is SUPPRESS_BELOW where it occurs.
 * docs/METHODS.md is the full account; these sentences must stay true to it.
 */
import type { Localized } from './enums';

export const GLOSSARY_EXPLANATIONS = {
  'explain.share': {
    nl: 'Het aandeel is het aantal mensen dat een optie koos, gedeeld door het aantal deelnemers (handgetelde stemmen inbegrepen). Bij meerdere keuzes kunnen de aandelen samen meer dan 100% zijn; bij punten verdelen is het aandeel het deel van alle punten.',
    fy: 'It oandiel is it tal minsken dat in opsje keas, dield troch it tal dielnimmers (mei de hân telde stimmen ynbegrepen). By mear karren kinne de oandielen mei-inoar mear as 100% wêze; by punten ferdiele is it oandiel it part fan alle punten.',
    en: 'The share is the number of people who chose an option divided by the number of respondents (hand counts included). With multiple choice the shares can add up to more than 100%; with spread points it is the share of all points.',
  },
  'explain.interval': {
    nl: 'Het 95%-interval zegt hoe zeker een aandeel is: stemden veel meer mensen op dezelfde manier, dan lag het aandeel met 95% zekerheid tussen deze twee grenzen. Hoe meer deelnemers, hoe smaller het interval.',
    fy: 'It 95%-ynterval seit hoe wis in oandiel is: stimden folle mear minsken op deselde wize, dan lei it oandiel mei 95% wissichheid tusken dizze twa grinzen. Hoe mear dielnimmers, hoe smeller it ynterval.',
    en: 'The 95% interval says how sure a share is: had many more people voted the same way, the share would lie between these bounds with 95% certainty. The more respondents, the narrower the interval.',
  },
  'explain.consensus': {
    nl: 'Overeenstemming loopt van 0 (de stemmen zijn gelijk verdeeld over de opties) tot 1 (iedereen koos hetzelfde). Vanaf 0,75 heet dat grote overeenstemming, vanaf 0,5 redelijke overeenstemming, daaronder verdeeld.',
    fy: 'Oerienstimming rint fan 0 (de stimmen binne gelyk ferdield oer de opsjes) oant 1 (elkenien keas itselde). Fan 0,75 ôf hjit dat grutte oerienstimming, fan 0,5 ôf ridlike oerienstimming, dêrûnder ferdield.',
    en: 'Agreement runs from 0 (votes spread evenly over the options) to 1 (everyone chose the same). From 0.75 it is called strong agreement, from 0.5 fair agreement, below that divided.',
  },
  'explain.weighting': {
    nl: 'Gewogen: elke gemeente telt mee naar haar aantal huurhuishoudens, zodat een drukke avond niet zwaarder weegt dan een rustige. Ongewogen: iedere deelnemer telt even zwaar. Het effectief aantal deelnemers zegt hoeveel deelnemers zonder weging even zeker zouden zijn.',
    fy: 'Woegen: elke gemeente telt mei nei har tal hierhúshâldens, sadat in drokke jûn net swierder weecht as in rêstige. Net woegen: eltse dielnimmer telt like swier. It effektyf tal dielnimmers seit hoefolle dielnimmers sûnder weging like wis wêze soene.',
    en: 'Weighted: each municipality counts by its number of tenant households, so a busy evening weighs no more than a quiet one. Unweighted: every respondent counts the same. The effective sample size says how many unweighted respondents would be as sure.',
  },
  'explain.shift': {
    nl: 'Verschuiving na discussie: waar na het gesprek opnieuw is gestemd, het verschil tussen de eerste en de laatste stemronde in procentpunten.',
    fy: 'Ferskowing nei diskusje: dêr’t nei it petear op ’e nij stimd is, it ferskil tusken de earste en de lêste stimronde yn persintpunten.',
    en: 'Shift after discussion: where people voted again after the discussion, the difference between the first and the last round in percentage points.',
  },
  'explain.suppression': {
    nl: 'Groepen van minder dan {n} mensen worden niet getoond, en zo nodig nog een groep, zodat niemand een verborgen groep uit de totalen kan terugrekenen. Stemmen zijn nooit gekoppeld aan namen of aanmeldingen.',
    fy: 'Groepen fan minder as {n} minsken wurde net sjen litten, en as it nedich is noch in groep, sadat nimmen in ferburgen groep út de totalen werom rekkenje kin. Stimmen binne nea keppele oan nammen of oanmeldingen.',
    en: 'Groups of fewer than {n} people are not shown, and where needed one more group, so that no one can work a hidden group out from the totals. Votes are never linked to names or registrations.',
  },
  'explain.manual': {
    nl: 'Handgeteld: stemmen van mensen zonder telefoon, op de avond door de gespreksleider geteld. Ze tellen mee in de totalen.',
    fy: 'Mei de hân teld: stimmen fan minsken sûnder telefoan, op de jûn troch de petearlieder teld. Se telle mei yn de totalen.',
    en: 'Counted by hand: votes of people without a phone, counted by the facilitator on the evening. They are part of the totals.',
  },
  'explain.consequence': {
    nl: 'Bij een optie met een gevolg (voor de huur, de wachttijd, …): het aandeel dat de optie koos terwijl het gevolg erbij stond.',
    fy: 'By in opsje mei in gefolch (foar de hier, de wachttiid, …): it oandiel dat de opsje keas wylst it gefolch derby stie.',
    en: 'For an option with a consequence (for the rent, the waiting time, …): the share who chose it with the consequence in view.',
  },
  'explain.differs': {
    nl: 'Verschilt duidelijk: de intervallen van twee avonden, gemeenten of groepen overlappen elkaar niet, dus het verschil is waarschijnlijk niet toevallig.',
    fy: 'Ferskilt dúdlik: de yntervallen fan twa jûnen, gemeenten of groepen oerlaapje inoar net, dus it ferskil is wierskynlik net tafallich.',
    en: 'Clearly differs: the intervals of two evenings, municipalities or groups do not overlap, so the difference is unlikely to be chance.',
  },
  'explain.groups': {
    nl: 'Huurders stemden voor zichzelf; huurdersorganisaties zijn leden van een huurdersorganisatie; partners zijn de gemeente, zorg- en welzijnsorganisaties en andere partners aan tafel. Onbekend: de deelnemer gaf dit niet op.',
    fy: 'Hierders stimden foar harsels; hierdersorganisaasjes binne leden fan in hierdersorganisaasje; partners binne de gemeente, soarch- en wolwêzensorganisaasjes en oare partners oan tafel. Net bekend: de dielnimmer joech dit net op.',
    en: 'Tenants voted for themselves; tenant organisations are members of a tenant organisation; partners are the municipality, care and welfare organisations and other partners at the table. Unknown: not given.',
  },
} as const satisfies Record<string, Localized>;
