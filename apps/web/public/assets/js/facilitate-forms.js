// Forms of the facilitator's console: a dilemma, new (POST /api/evenings/:id/dilemmas) or a draft changed
// (PATCH /api/dilemmas/:id), in Dutch with its Frisian and English texts and a phone preview; and check-in cards
// (POST /api/evenings/:id/cards, then the printable page).
import { api } from './api.js';
import { fill, h } from './dom.js';
import { pick } from './i18n.js';
import { phonePreview } from './facilitate-preview.js';
import {
  TRANSLATED,
  dilemmaTexts,
  dilemmaTranslations,
  fillTranslations,
  languageSection,
  optionTexts,
  optionTranslations,
} from './facilitate-texts.js';
import { act, field, say, t } from './staff.js';

const KINDS = ['choice', 'multi', 'budget', 'scale'];

/** A Dutch option row of the form; its translations live in the language sections. */
function optionRow(option, onRemove) {
  const remove = h('button', { type: 'button', class: 'danger small', text: '×', 'aria-label': t('form.removeOption') });
  remove.addEventListener('click', () => onRemove(option));
  return h('div', { class: 'option-row' }, option.nl.label, option.nl.consequence, remove);
}

/**
 * ctx: {token, eveningId, themes, onCreated(dilemma), onChanged(dilemma)}. A new dilemma by POST; a draft from the
 * agenda (ctx.editDilemma, set here) by PATCH, its translations included: a field emptied there removes that
 * translation, as PATCH replaces them.
 */
export function dilemmaForm(ctx) {
  const theme = h(
    'select',
    { required: true },
    ctx.themes.map((x) => h('option', { value: x.slug, text: pick(x.name) })),
  );
  const kind = h(
    'select',
    {},
    KINDS.map((k) => h('option', { value: k, text: t(`kind.${k}`) })),
  );
  const question = h('textarea', { rows: '2', maxlength: '500', required: true });
  const description = h('textarea', { rows: '2', maxlength: '4000' });
  const texts = dilemmaTexts(question, description);
  const options = [];
  /** The draft being edited, or null for a new dilemma. */
  let editing = null;

  const list = h('div', { class: 'option-list' });
  const addOption = h('button', { type: 'button', class: 'small', text: t('form.addOption') });
  const maxChoices = h('input', { type: 'number', min: '1', max: '8', step: '1' });
  const budget = h('input', { type: 'number', min: '1', max: '1000', step: '1', value: '10' });
  const optionsBlock = h('fieldset', { class: 'options-block' }, h('legend', { text: t('form.options') }), list, addOption);
  const maxField = field(t('form.maxChoices'), maxChoices, t('form.maxChoicesHelp'));
  const budgetField = field(t('form.budget'), budget);
  const sections = TRANSLATED.map((lang) => languageSection(lang, texts, options));

  /** The dilemma as the form has it now, in the API's shape (the preview reads it). */
  const read = () => ({
    kind: kind.value,
    question: question.value,
    description: description.value,
    translations: dilemmaTranslations(texts),
    options:
      kind.value === 'scale'
        ? []
        : options.map((option) => ({
            label: option.nl.label.value,
            consequence: option.nl.consequence.value.trim() ? option.nl.consequence.value : null,
            translations: optionTranslations(option),
          })),
    maxChoices: kind.value === 'multi' && maxChoices.value ? Number(maxChoices.value) : null,
    budget: kind.value === 'budget' ? Number(budget.value) : null,
  });
  const preview = phonePreview(read);

  const sync = () => {
    optionsBlock.hidden = kind.value === 'scale';
    maxField.hidden = kind.value !== 'multi';
    budgetField.hidden = kind.value !== 'budget';
    for (const section of sections) section.redraw(kind.value);
    preview.redraw();
  };
  const setOptions = (next) => {
    options.splice(0, options.length, ...next);
    fill(
      list,
      options.map((option) => optionRow(option, removeOption)),
    );
    sync();
  };
  const removeOption = (option) => {
    if (options.length > 2) setOptions(options.filter((o) => o !== option));
  };
  addOption.addEventListener('click', () => {
    if (options.length < 8) setOptions([...options, optionTexts()]);
  });
  kind.addEventListener('change', sync);

  const heading = h('h2', { text: t('form.newDilemma') });
  const submit = h('button', { type: 'submit', class: 'primary', text: t('form.addDilemma') });
  const cancel = h('button', { type: 'button', text: t('form.cancelEdit'), hidden: true });
  const form = h(
    'form',
    { class: 'card grid-form dilemma-form' },
    heading,
    field(t('form.theme'), theme),
    field(t('form.kind'), kind),
    field(t('form.question'), question),
    field(t('form.description'), description),
    optionsBlock,
    maxField,
    budgetField,
    sections.map((s) => s.element),
    preview.element,
    h('div', { class: 'actions' }, submit, cancel),
  );
  form.addEventListener('input', sync);

  const startNew = () => {
    editing = null;
    form.reset();
    for (const lang of TRANSLATED) for (const input of Object.values(texts[lang])) input.value = '';
    theme.disabled = false;
    kind.disabled = false;
    heading.textContent = t('form.newDilemma');
    submit.textContent = t('form.addDilemma');
    cancel.hidden = true;
    budget.value = '10';
    setOptions([optionTexts(), optionTexts()]);
  };

  /** Loads a draft into the form, translations and all; saving sends a PATCH. */
  ctx.editDilemma = (dilemma) => {
    editing = dilemma;
    theme.value = dilemma.theme;
    kind.value = dilemma.kind;
    // PATCH keeps theme and kind as created.
    theme.disabled = true;
    kind.disabled = true;
    question.value = dilemma.question;
    description.value = dilemma.description ?? '';
    fillTranslations(texts, dilemma.translations, ['question', 'description']);
    maxChoices.value = dilemma.maxChoices === null || dilemma.maxChoices === undefined ? '' : String(dilemma.maxChoices);
    budget.value = dilemma.budget === null || dilemma.budget === undefined ? '10' : String(dilemma.budget);
    const loaded = (dilemma.options ?? []).map((stored) => {
      const option = optionTexts();
      option.nl.label.value = stored.label;
      option.nl.consequence.value = stored.consequence ?? '';
      fillTranslations(option, stored.translations, ['label', 'consequence']);
      return option;
    });
    while (loaded.length < 2) loaded.push(optionTexts());
    heading.textContent = t('form.editDilemma', { n: dilemma.position });
    submit.textContent = t('form.save');
    cancel.hidden = false;
    setOptions(loaded);
    // A language the draft has texts in unfolds, so they are seen.
    TRANSLATED.forEach((lang, i) => {
      const has = dilemma.translations?.[lang] || (dilemma.options ?? []).some((o) => o.translations?.[lang]);
      if (has) sections[i].element.open = true;
    });
    form.scrollIntoView({ block: 'start' });
    question.focus({ preventScroll: true });
  };
  cancel.addEventListener('click', startNew);

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const now = read();
    const body = { question: now.question, translations: now.translations };
    if (kind.value !== 'scale') {
      body.options = now.options.map(({ label, consequence, translations }) => ({
        label,
        ...(consequence ? { consequence } : {}),
        translations,
      }));
    }
    if (kind.value === 'multi' && (now.maxChoices !== null || editing)) body.maxChoices = now.maxChoices;
    if (kind.value === 'budget') body.budget = now.budget;
    const target = editing;
    let saved;
    if (target) {
      body.description = now.description.trim() ? now.description : null;
      saved = await act(
        submit,
        () => api(`/api/dilemmas/${encodeURIComponent(target.id)}`, { method: 'PATCH', body, token: ctx.token }),
        t('form.saved'),
      );
    } else {
      Object.assign(body, { theme: theme.value, kind: kind.value });
      if (now.description.trim()) body.description = now.description;
      saved = await act(
        submit,
        () => api(`/api/evenings/${encodeURIComponent(ctx.eveningId)}/dilemmas`, { method: 'POST', body, token: ctx.token }),
        t('form.created'),
      );
    }
    if (!saved) return;
    startNew();
    if (target) ctx.onChanged(saved);
    else ctx.onCreated(saved);
  });
  startNew();
  return form;
}

/** ctx: {token, eveningId} */
export function cardsForm(ctx) {
  const count = h('input', { type: 'number', min: '1', max: '2000', step: '1', value: '50', required: true });
  const submit = h('button', { type: 'submit', text: t('cards.make') });
  const result = h('p', { class: 'hint', 'aria-live': 'polite' });
  const form = h('form', { class: 'inline-form' }, field(t('cards.count'), count), submit, result);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const n = Number(count.value);
    if (!Number.isInteger(n) || n < 1 || n > 2000) return say(t('cards.bad'), 'error');
    const made = await act(submit, () =>
      api(`/api/evenings/${encodeURIComponent(ctx.eveningId)}/cards`, { method: 'POST', body: { count: n }, token: ctx.token }),
    );
    if (!made) return;
    fill(
      result,
      t('cards.made', { n: made.cards?.length ?? n }),
      ' ',
      made.printUrl ? h('a', { href: made.printUrl, target: '_blank', rel: 'noopener', text: t('cards.print') }) : null,
    );
    if (made.printUrl) window.open(made.printUrl, '_blank', 'noopener');
  });
  return form;
}
