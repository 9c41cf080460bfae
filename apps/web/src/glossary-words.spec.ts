import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GLOSSARY, LANGUAGES } from '@hs/contracts';
import { ASSETS_DIR } from './web-paths';

/**
 * One glossary (libs/contracts/src/glossary.ts) names what a policy team reads, in plain (B1) words. The staff
 * pages take those words from GET /api/glossary; their own dictionary must not keep a second, older copy, as it
 * once did ("Belanghouders" beside the glossary's "Partners", "Eensgezindheid" beside "overeenstemming").
 */
const JS_DIR = join(ASSETS_DIR, 'js');
/** Words the glossary replaced: hard (not B1) or a second name for the same thing. */
const RETIRED = /eensgezind|iensgesind|belanghouder|belanghawwer|belanghebbend|\bconsensus\b|\bstakeholders?\b/i;

function source(file: string): string {
  return readFileSync(join(JS_DIR, file), 'utf8');
}

/** The texts a reader can see in a page script or dictionary: its quoted strings, not its keys ('policy.consensus'). */
function shownTexts(file: string): string[] {
  return [...source(file).matchAll(/'((?:[^'\\\n]|\\.)*)'/g)]
    .map((m) => m[1])
    .filter((text) => !/^[\w-]+(\.[\w${}-]+)+$/.test(text));
}

function dictionaryKeys(file: string): string[] {
  return [...source(file).matchAll(/^ {2}(?:'([^']+)'|(\w+)):/gm)].map((m) => m[1] ?? m[2]);
}

describe('the words a policy team reads', () => {
  it('are plain in the glossary: none of the retired words in Dutch, Frisian or English', () => {
    const found = Object.entries(GLOSSARY).flatMap(([key, text]) =>
      LANGUAGES.filter((lang) => RETIRED.test(text[lang])).map((lang) => `${key} (${lang}): ${text[lang]}`),
    );
    expect(found).toEqual([]);
    expect(GLOSSARY['measure.consensus']).toEqual({ nl: 'Overeenstemming', fy: 'Oerienstimming', en: 'Agreement' });
  });

  it('come from the glossary alone: the staff dictionary defines none of its terms and none of the retired words', () => {
    const glossaryKeys = new Set(Object.keys(GLOSSARY));
    // kind.* stays: the console (which does not load the glossary) names a dilemma's kind with it, and the
    // dashboard only falls back to it while GET /api/glossary has not answered.
    const copies = dictionaryKeys('i18n-staff.js').filter((key) => glossaryKeys.has(key) && !key.startsWith('kind.'));
    expect(copies).toEqual([]);
    const retired = ['i18n-staff.js', 'glossary.js', 'i18n-register.js', 'i18n-feedback.js'].flatMap((file) =>
      shownTexts(file)
        .filter((text) => RETIRED.test(text))
        .map((text) => `${file}: ${text}`),
    );
    expect(retired).toEqual([]);
  });
});
