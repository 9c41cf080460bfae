// Shared language handling for every page: nl (default), fy (Frisian), en.
// Each page set has its own small dictionary module (i18n-tenant.js, i18n-staff.js);
// the choice is remembered in localStorage so it holds across pages and visits.
import { fill, h } from './dom.js';

export const LANGS = ['nl', 'fy', 'en'];
const KEY = 'hs.lang';
const listeners = new Set();

function stored() {
  try {
    const value = localStorage.getItem(KEY);
    return LANGS.includes(value) ? value : null;
  } catch {
    return null; // storage can be blocked (private mode)
  }
}

let lang = stored() ?? 'nl';
document.documentElement.lang = lang;

/**
 * The first of the browser's languages (navigator.languages, what it also sends as Accept-Language) that we
 * speak: fy-NL is Frisian, en-GB English, de-DE is passed over. Null when none is ours.
 */
export function browserLanguage(languages = navigator.languages ?? [navigator.language]) {
  for (const tag of languages ?? []) {
    const primary = String(tag).toLowerCase().split('-')[0];
    if (LANGS.includes(primary)) return primary;
  }
  return null;
}

/**
 * For pages a visitor opens without choosing (the tenant page): the browser's language unless a choice
 * was made on this phone before. Not remembered, so a later change of the phone's language still counts.
 */
export function adoptBrowserLanguage() {
  if (stored()) return;
  const preferred = browserLanguage();
  if (!preferred || preferred === lang) return;
  lang = preferred;
  document.documentElement.lang = preferred;
  for (const fn of listeners) fn(preferred);
}

/** A language for this page only (the projector's ?lang=fy): switched, not remembered for other pages. */
export function useLangForThisPage(wanted) {
  if (!LANGS.includes(wanted) || wanted === lang) return;
  lang = wanted;
  document.documentElement.lang = wanted;
  for (const fn of listeners) fn(wanted);
}

export function currentLang() {
  return lang;
}

export function setLang(next) {
  if (!LANGS.includes(next) || next === lang) return;
  lang = next;
  document.documentElement.lang = next;
  try {
    localStorage.setItem(KEY, next);
  } catch {
    /* not remembered, still switched */
  }
  for (const fn of listeners) fn(next);
}

export function onLangChange(fn) {
  listeners.add(fn);
}

/**
 * A translator over one dictionary `{nl: {...}, fy: {...}, en: {...}}`. Missing keys fall back to Dutch,
 * then to the key. `{name}` placeholders are filled from vars (as text: the result is only ever used as textContent).
 * `fixedLang` pins it to one language whatever the page's (the console's preview of a phone in Frisian).
 */
export function translator(dict, fixedLang) {
  return (key, vars) => {
    let text = dict[fixedLang ?? lang]?.[key] ?? dict.nl[key] ?? key;
    if (vars) text = text.replace(/\{(\w+)\}/g, (_, name) => (vars[name] === undefined ? '' : String(vars[name])));
    return text;
  };
}

/** A localized value from the API (`{nl, fy, en}`), falling back to Dutch. */
export function pick(localized) {
  if (!localized || typeof localized !== 'object') return localized ?? '';
  return localized[lang] || localized.nl || '';
}

const NAMES = { nl: 'Nederlands', fy: 'Frysk', en: 'English' };

/** Three buttons NL / FY / EN; the pressed one is the current language. */
export function mountLanguageSwitch(container) {
  const render = () => {
    fill(
      container,
      ...LANGS.map((code) =>
        h('button', {
          type: 'button',
          class: 'lang-btn',
          lang: code,
          'aria-pressed': String(code === lang),
          // The visible letters lead the name (WCAG 2.5.3 label in name), the language's own name follows.
          'aria-label': `${code.toUpperCase()} – ${NAMES[code]}`,
          title: NAMES[code],
          text: code.toUpperCase(),
          onclick: () => setLang(code),
        }),
      ),
    );
  };
  render();
  onLangChange(render);
}
