// The glossary of libs/contracts/src/glossary.ts, read from GET /api/glossary once per page: the dashboard
// names groups, age bands, kinds and measures with the same words as the CSV, XLSX and PDF reports.
// Call `await loadGlossary()` before drawing; until it has loaded (or when it failed), the Dutch words
// below stand in for the terms a page cannot do without, so a page never shows an internal code.
import { api } from './api.js';
import { currentLang } from './i18n.js';

const FALLBACK = {
  'group.tenant': 'Huurders',
  'group.tenant_org': 'Huurdersorganisaties',
  'group.stakeholder': 'Partners',
  'segment.unknown': 'Onbekend',
  'measure.consensus': 'Overeenstemming',
  'consensus.high': 'grote overeenstemming',
  'consensus.mid': 'redelijke overeenstemming',
  'consensus.low': 'verdeeld',
};
let terms = null;
let loading = null;

/** Loads the glossary once; later calls wait for the same request. */
export function loadGlossary() {
  loading ??= api('/api/glossary')
    .then((body) => {
      terms = body?.terms ?? null;
    })
    .catch(() => {
      loading = null; // try again next time
    });
  return loading;
}

/** A term in the current language, `{n}` filled from vars; `fallback` (or the key) while the glossary is absent. */
export function term(key, vars, fallback) {
  const entry = terms?.[key];
  if (!entry) return fallback ?? FALLBACK[key] ?? key;
  const text = entry[currentLang()] || entry.nl;
  return vars ? text.replace(/\{(\w+)\}/g, (all, name) => (vars[name] === undefined ? all : String(vars[name]))) : text;
}

/** A segment's key as people read it: group and age-band codes named, municipality names kept, "unknown" named. */
export function segmentLabel(dimension, key) {
  if (key === 'unknown' || key === '' || key === null || key === undefined) return term('segment.unknown');
  if (dimension === 'group') return term(`group.${key}`, {}, FALLBACK[`group.${key}`] ?? key);
  if (dimension === 'ageBand') return term(`age.${key}`, {}, key);
  return key;
}

export const groupLabel = (key) => segmentLabel('group', key);

/** The same thresholds as consensusWord in the glossary. */
export function consensusWord(value) {
  return term(value >= 0.75 ? 'consensus.high' : value >= 0.5 ? 'consensus.mid' : 'consensus.low');
}
