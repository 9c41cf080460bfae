/** Dutch number and date formats of the reports; the words themselves come from the glossary (@hs/contracts). */

const DATE_FORMAT = new Intl.DateTimeFormat('nl-NL', {
  timeZone: 'Europe/Amsterdam',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

export function dutchDateTime(date: Date): string {
  return `${DATE_FORMAT.format(date)} (Nederlandse tijd)`;
}

export function pct(share: number): string {
  return `${(share * 100).toFixed(0)}%`;
}

export function pp(points: number): string {
  const text = Math.abs(points).toFixed(1).replace('.', ',');
  return `${points > 0.05 ? '+' : points < -0.05 ? '-' : '±'}${text} procentpunt`;
}

/** The method notes at the end of the PDF; docs/METHODS.md is the full text. */
export function METHOD_NOTES(suppressBelow: number): Array<[string, string]> {
  return [
    [
      'Aandelen en intervallen',
      'Het aandeel is het aantal mensen dat een optie koos gedeeld door het aantal respondenten (handgetelde stemmen inbegrepen). ' +
        'Het 95%-interval is het Wilson-interval: met 95% zekerheid ligt het aandeel in de hele groep van aanwezigen die zo stemmen binnen deze grenzen. ' +
        'Bij meerdere keuzes telt elk gekozen antwoord, zodat de aandelen samen meer dan 100% kunnen zijn. Bij punten verdelen is het aandeel het deel van alle punten.',
    ],
    [
      'Consensus',
      'Bij één of meerdere keuzes: 1 min de genormaliseerde Shannon-entropie van de verdeling (0 = gelijk verdeeld, 1 = iedereen hetzelfde). ' +
        'Bij de schaal 1–5: de consensusmaat van Tastle en Wierman (0 = helft helemaal oneens, helft helemaal eens; 1 = iedereen hetzelfde).',
    ],
    [
      'Privacy',
      `Een groep (huurders, huurdersorganisaties, partners; gemeente; leeftijd) met minder dan ${suppressBelow} personen wordt niet getoond. ` +
        'Als één groep verborgen is, of de verborgen groepen samen te klein zijn, wordt ook de kleinste volgende groep verborgen, zodat niemand ' +
        'het verborgen aantal kan terugrekenen uit het totaal. Stemmen zijn nooit gekoppeld aan aanmeldingen.',
    ],
    [
      'Verschuiving en vergelijking',
      'De verschuiving is het verschil in procentpunten tussen de eerste en de laatste stemronde, alleen over dilemma’s met meer dan één ronde. ' +
        'Hetzelfde dilemma op verschillende avonden (zelfde thema en vraag, of expliciet gekoppeld) wordt samengeteld; waar de intervallen van twee avonden ' +
        'elkaar niet overlappen, wordt dat gemeld.',
    ],
    [
      'Weging',
      'Als het aantal huurhuishoudens per gemeente bekend is, tellen de gemeenten in de gewogen uitkomst mee naar dat aantal (poststratificatie), ' +
        'naast de ongewogen uitkomst. Respondenten zonder gemeente tellen daarin niet mee.',
    ],
  ];
}
