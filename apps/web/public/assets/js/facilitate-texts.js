// The texts of the console's dilemma form in three languages. Dutch is required and always in view; Frisian and
// English each sit in a folded section ("Fries", "Engels") with the question, the explanation and, per option, its
// label and consequence. An empty field means "no translation": the phone then shows the Dutch (content-lang.js).
import { fill, h } from './dom.js';
import { field, t } from './staff.js';

/** The languages a dilemma can be translated into (CONTENT_TRANSLATION_LANGUAGES in libs/contracts). */
export const TRANSLATED = ['fy', 'en'];

function textInput(kind, lang, attrs) {
  const max = { question: '500', description: '4000', label: '200', consequence: '1000' }[kind];
  const tag = kind === 'question' || kind === 'description' ? 'textarea' : 'input';
  return h(tag, {
    ...(tag === 'textarea' ? { rows: '2' } : { type: 'text' }),
    maxlength: max,
    lang,
    'data-lang': lang,
    'data-text': kind,
    ...attrs,
  });
}

/** One option: its Dutch label and consequence, and the same two for each translation. */
export function optionTexts() {
  const option = {
    nl: {
      label: h('input', {
        type: 'text',
        maxlength: '200',
        required: true,
        class: 'opt-label',
        'aria-label': t('form.optionLabel'),
      }),
      consequence: h('input', {
        type: 'text',
        maxlength: '1000',
        class: 'opt-consequence',
        'aria-label': t('form.consequence'),
        placeholder: t('form.consequence'),
      }),
    },
  };
  for (const lang of TRANSLATED) {
    option[lang] = { label: textInput('label', lang), consequence: textInput('consequence', lang) };
  }
  return option;
}

/** The dilemma's own texts: question and description in Dutch (the form's fields) and per translation. */
export function dilemmaTexts(question, description) {
  const texts = { nl: { question, description } };
  for (const lang of TRANSLATED) {
    texts[lang] = { question: textInput('question', lang), description: textInput('description', lang) };
  }
  return texts;
}

/**
 * The folded section of one language. `redraw()` follows the options as they are added or removed and the Dutch
 * texts as they are typed (shown as placeholders, so the facilitator sees what to translate).
 */
export function languageSection(lang, texts, options) {
  const inLang = t(`texts.in.${lang}`);
  const count = h('span', { class: 'lang-count' });
  const optionList = h('div', { class: 'lang-options' });
  const section = h(
    'details',
    { class: 'lang-texts', 'data-lang': lang },
    h('summary', {}, h('span', { text: t(`texts.${lang}`) }), ' ', count),
    h('p', { class: 'hint', text: t('texts.help') }),
    field(t('texts.question', { in: inLang }), texts[lang].question),
    field(t('texts.description', { in: inLang }), texts[lang].description),
    optionList,
  );
  // The option fields are put in place only when the options or the kind change: moving them on every key
  // would take the cursor out of the field being typed in.
  let placed = { kind: null, options: [], legends: [] };
  const place = (kind) => {
    const withOptions = kind !== 'scale';
    const legends = options.map(() => h('legend'));
    optionList.hidden = !withOptions;
    fill(
      optionList,
      withOptions
        ? options.map((option, i) =>
            h('fieldset', { class: 'lang-option' }, legends[i], option[lang].label, option[lang].consequence),
          )
        : null,
    );
    placed = { kind, options: [...options], legends };
  };
  const redraw = (kind) => {
    const moved = placed.options.length !== options.length || placed.options.some((o, i) => o !== options[i]);
    if (kind !== placed.kind || moved) place(kind);
    texts[lang].question.placeholder = texts.nl.question.value;
    texts[lang].description.placeholder = texts.nl.description.value;
    options.forEach((option, i) => {
      const n = i + 1;
      placed.legends[i].textContent = t('texts.option', { n, label: option.nl.label.value });
      option[lang].label.placeholder = option.nl.label.value;
      option[lang].consequence.placeholder = option.nl.consequence.value;
      option[lang].label.setAttribute('aria-label', t('texts.optionLabel', { n, in: inLang }));
      option[lang].consequence.setAttribute('aria-label', t('texts.consequence', { n, in: inLang }));
    });
    const withOptions = kind !== 'scale';
    const all = [
      texts[lang].question,
      texts[lang].description,
      ...(withOptions ? options.flatMap((o) => [o[lang].label, o[lang].consequence]) : []),
    ];
    count.textContent = t('texts.filled', { n: all.filter((input) => input.value.trim()).length, total: all.length });
  };
  return { element: section, redraw };
}

/** Only what was filled in, per language: `{fy?: {question?, …}, en?: {…}}` (empty: the Dutch is shown). */
function given(perLang, fields) {
  const result = {};
  for (const lang of TRANSLATED) {
    const kept = {};
    for (const name of fields) {
      const value = perLang[lang][name].value;
      if (value.trim()) kept[name] = value;
    }
    if (Object.keys(kept).length) result[lang] = kept;
  }
  return result;
}

export const dilemmaTranslations = (texts) => given(texts, ['question', 'description']);
export const optionTranslations = (option) => given(option, ['label', 'consequence']);

/** Puts a stored dilemma's (or option's) translations into the inputs; what it lacks becomes empty. */
export function fillTranslations(perLang, translations, fields) {
  for (const lang of TRANSLATED) {
    for (const name of fields) perLang[lang][name].value = translations?.[lang]?.[name] ?? '';
  }
}
