// Dilemma content in the reader's language: the API gives the Dutch texts with `translations: {fy?, en?}` on
// the dilemma (question, description) and on each option (label, consequence). A missing or empty translation
// falls back to the Dutch, which is always there. Used by the tenant page, the projector and the console preview.
import { currentLang } from './i18n.js';

/** A copy of the dilemma with question, description, labels and consequences in `lang`. */
export function localDilemma(dilemma, lang = currentLang()) {
  if (!dilemma || lang === 'nl') return dilemma;
  const texts = dilemma.translations?.[lang] ?? {};
  return {
    ...dilemma,
    question: texts.question || dilemma.question,
    description: texts.description || dilemma.description,
    options: (dilemma.options ?? []).map((option) => {
      const own = option.translations?.[lang] ?? {};
      return { ...option, label: own.label || option.label, consequence: own.consequence || option.consequence };
    }),
  };
}
