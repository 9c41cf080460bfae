import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { VOTE_ERROR_CODES } from '@hs/contracts';
import { ASSETS_DIR } from './web-paths';

/**
 * The pages' dictionaries are plain JS (no build step), so they are checked here as text:
 * every language has every key, and every literal key a page script asks for exists.
 */
const JS_DIR = join(ASSETS_DIR, 'js');
const LANGUAGES = ['nl', 'fy', 'en'] as const;

function dictionary(file: string): Record<(typeof LANGUAGES)[number], Set<string>> {
  const text = readFileSync(join(JS_DIR, file), 'utf8');
  const result = {} as Record<(typeof LANGUAGES)[number], Set<string>>;
  for (const lang of LANGUAGES) {
    const start = text.indexOf(`const ${lang} = {`);
    expect(start).toBeGreaterThanOrEqual(0);
    const body = text.slice(start, text.indexOf('\n};', start));
    result[lang] = new Set([...body.matchAll(/^ {2}(?:'([^']+)'|(\w+)):/gm)].map((m) => m[1] ?? m[2]));
  }
  return result;
}

/** Literal keys in t('…') calls (template keys like t(`kind.${k}`) are built at run time). */
function usedKeys(files: string[]): Map<string, string> {
  const used = new Map<string, string>();
  for (const file of files) {
    const text = readFileSync(join(JS_DIR, file), 'utf8');
    for (const m of text.matchAll(/\bt\('([^']+)'/g)) used.set(m[1], file);
  }
  return used;
}

const scripts = readdirSync(JS_DIR).filter((f) => f.endsWith('.js') && !f.startsWith('i18n'));
/** Page scripts with a dictionary of their own, by the prefix of their file name; the rest use i18n-staff.js. */
const OWN_DICTIONARIES = { tenant: 'i18n-tenant.js', feedback: 'i18n-feedback.js', register: 'i18n-register.js' };
const ownPrefix = (file: string) => Object.keys(OWN_DICTIONARIES).find((prefix) => file.startsWith(prefix));

describe.each([
  ...Object.entries(OWN_DICTIONARIES).map(
    ([prefix, file]) => [file, scripts.filter((f) => f.startsWith(prefix))] as [string, string[]],
  ),
  ['i18n-staff.js', scripts.filter((f) => !ownPrefix(f))] as [string, string[]],
])('%s', (file, pages) => {
  const dict = dictionary(file);

  it('has the same keys in Dutch, Frisian and English', () => {
    expect(dict.nl.size).toBeGreaterThan(20);
    expect([...dict.fy].sort()).toEqual([...dict.nl].sort());
    expect([...dict.en].sort()).toEqual([...dict.nl].sort());
  });

  it('has every literal key its pages ask for', () => {
    expect(usedKeys(pages).size).toBeGreaterThan(10);
    const missing = [...usedKeys(pages)].filter(([key]) => !dict.nl.has(key)).map(([key, page]) => `${page}: ${key}`);
    expect(missing).toEqual([]);
  });
});

describe('i18n-tenant.js and the vote acks', () => {
  it('explains every error code a vote ack can carry (tenant.js shows voteErr.<code>)', () => {
    const dict = dictionary('i18n-tenant.js');
    const missing = VOTE_ERROR_CODES.filter((code) => !dict.nl.has(`voteErr.${code}`));
    expect(VOTE_ERROR_CODES.length).toBeGreaterThan(3);
    expect(missing).toEqual([]);
  });
});
