import { AGE_BANDS, DILEMMA_KINDS, GROUPS, LANGUAGES } from './enums';
import {
  GLOSSARY,
  type GlossaryKey,
  ageBandLabel,
  consensusWord,
  glossaryIn,
  groupLabel,
  kindLabel,
  scaleValueLabel,
  segmentLabel,
  term,
} from './glossary';

// Codes are snake_case or bare English keys; "Single choice" in English is a word, not the code `choice`.
const CODE = /[a-z]+_[a-z]+|\bunknown\b|\bstakeholder\b|link:|^(choice|multi|budget|scale)$/;

describe('the glossary', () => {
  it('has every term in Dutch, Frisian and English, none empty and none an internal code', () => {
    for (const [key, text] of Object.entries(GLOSSARY)) {
      for (const lang of LANGUAGES) {
        expect([key, lang, text[lang].trim().length > 0]).toEqual([key, lang, true]);
        expect([key, lang, CODE.test(text[lang])]).toEqual([key, lang, false]);
      }
    }
  });

  it('names every group, age band and kind of dilemma the data can hold', () => {
    for (const g of GROUPS) expect(groupLabel(g)).not.toBe(g);
    for (const a of AGE_BANDS) expect(ageBandLabel(a)).not.toBe(a);
    for (const k of DILEMMA_KINDS) expect(kindLabel(k)).not.toBe(k);
    expect(groupLabel('stakeholder')).toBe('Partners');
    expect(groupLabel('tenant_org', 'en')).toBe('Tenant organisations');
    expect(ageBandLabel('80+', 'fy')).toBe('80 jier en âlder');
  });

  it('names the unknown bucket in every dimension and keeps municipality names as they are', () => {
    expect(segmentLabel('group', 'unknown')).toBe('Onbekend');
    expect(segmentLabel('municipality', 'unknown', 'fy')).toBe('Net bekend');
    expect(segmentLabel('ageBand', '')).toBe('Onbekend');
    expect(segmentLabel('municipality', 'Súdwest-Fryslân')).toBe('Súdwest-Fryslân');
    expect(segmentLabel('ageBand', '65-79')).toBe('65 tot 80 jaar');
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(term('explain.suppression', 'nl', { n: 5 })).toContain('minder dan 5 mensen');
    expect(term('explain.suppression')).toContain('{n}');
  });

  it('words consensus with one set of thresholds', () => {
    expect([0.06, 0.49, 0.5, 0.74, 0.75, 1].map((v) => consensusWord(v))).toEqual([
      'verdeeld',
      'verdeeld',
      'redelijke overeenstemming',
      'redelijke overeenstemming',
      'grote overeenstemming',
      'grote overeenstemming',
    ]);
  });

  it('gives scale values with their words and one language at a time', () => {
    expect(scaleValueLabel('4')).toBe('4 – Eens');
    expect(scaleValueLabel('7')).toBe('7');
    const en = glossaryIn('en');
    expect(Object.keys(en)).toHaveLength(Object.keys(GLOSSARY).length);
    expect(en['measure.interval' as GlossaryKey]).toBe('95% interval');
  });
});
