import type { PolicyInput } from '@hs/contracts';
import { csvField, dutchNumber, renderCsv } from './report-csv';

describe('CSV for Excel with Dutch settings', () => {
  it('writes decimals with a comma and integers as they are', () => {
    expect(dutchNumber(0.42314)).toBe('0,4231');
    expect(dutchNumber(-3.25, 1)).toBe('-3,3');
    expect(dutchNumber(12)).toBe('12');
    expect(dutchNumber(null)).toBe('');
  });

  it('quotes fields with ; " or a line break and doubles the quotes', () => {
    expect(csvField('Huur; "betaalbaar"\nof duurzaam')).toBe('"Huur; ""betaalbaar""\nof duurzaam"');
    expect(csvField('gewoon')).toBe('gewoon');
    expect(csvField(' spatie')).toBe('" spatie"');
  });

  it('defuses text Excel would run as a formula, but leaves negative numbers alone', () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('+31 58')).toBe("'+31 58");
    expect(csvField('-3,2')).toBe('-3,2');
  });

  it('starts with a byte-order mark and the header, and ends lines with CRLF', () => {
    const empty: PolicyInput = {
      scope: { eveningIds: [], themes: null, municipalities: null, groups: null },
      suppressBelow: 5,
      evenings: [],
      themes: [],
    };
    expect(renderCsv(empty)).toBe(
      '\uFEFFthema;dilemma;vraag;soort;onderdeel;segment;optie;maat;waarde;ci95_laag;ci95_hoog;n;onderdrukt\r\n',
    );
  });
});
