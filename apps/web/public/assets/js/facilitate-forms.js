// Forms of the facilitator's console: a new dilemma (POST /api/evenings/:id/dilemmas) and check-in
// cards (POST /api/evenings/:id/cards, then the printable page).
import { api } from './api.js';
import { fill, h } from './dom.js';
import { pick } from './i18n.js';
import { act, field, say, t } from './staff.js';

const KINDS = ['choice', 'multi', 'budget', 'scale'];

function optionRow(list) {
  const label = h('input', {
    type: 'text',
    maxlength: '200',
    required: true,
    class: 'opt-label',
    'aria-label': t('form.optionLabel'),
  });
  const consequence = h('input', {
    type: 'text',
    maxlength: '1000',
    class: 'opt-consequence',
    'aria-label': t('form.consequence'),
    placeholder: t('form.consequence'),
  });
  const remove = h('button', { type: 'button', class: 'danger small', text: '×', 'aria-label': t('form.removeOption') });
  const row = h('div', { class: 'option-row' }, label, consequence, remove);
  remove.addEventListener('click', () => {
    if (list.children.length > 2) row.remove();
  });
  return row;
}

/** ctx: {token, eveningId, themes, onCreated(dilemma)} */
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
  const list = h('div', { class: 'option-list' });
  list.append(optionRow(list), optionRow(list));
  const addOption = h('button', { type: 'button', class: 'small', text: t('form.addOption') });
  addOption.addEventListener('click', () => {
    if (list.children.length < 8) list.append(optionRow(list));
  });
  const maxChoices = h('input', { type: 'number', min: '1', max: '8', step: '1' });
  const budget = h('input', { type: 'number', min: '1', max: '1000', step: '1', value: '10' });
  const optionsBlock = h('fieldset', { class: 'options-block' }, h('legend', { text: t('form.options') }), list, addOption);
  const maxField = field(t('form.maxChoices'), maxChoices, t('form.maxChoicesHelp'));
  const budgetField = field(t('form.budget'), budget);
  const sync = () => {
    optionsBlock.hidden = kind.value === 'scale';
    maxField.hidden = kind.value !== 'multi';
    budgetField.hidden = kind.value !== 'budget';
  };
  kind.addEventListener('change', sync);
  sync();
  const submit = h('button', { type: 'submit', class: 'primary', text: t('form.addDilemma') });
  const form = h(
    'form',
    { class: 'card grid-form' },
    h('h2', { text: t('form.newDilemma') }),
    field(t('form.theme'), theme),
    field(t('form.kind'), kind),
    field(t('form.question'), question),
    field(t('form.description'), description),
    optionsBlock,
    maxField,
    budgetField,
    submit,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const body = { theme: theme.value, question: question.value, kind: kind.value };
    if (description.value.trim()) body.description = description.value;
    if (kind.value !== 'scale') {
      body.options = [...list.children].map((row) => {
        const option = { label: row.querySelector('.opt-label').value };
        const consequence = row.querySelector('.opt-consequence').value.trim();
        if (consequence) option.consequence = consequence;
        return option;
      });
    }
    if (kind.value === 'multi' && maxChoices.value) body.maxChoices = Number(maxChoices.value);
    if (kind.value === 'budget') body.budget = Number(budget.value);
    const created = await act(
      submit,
      () => api(`/api/evenings/${encodeURIComponent(ctx.eveningId)}/dilemmas`, { method: 'POST', body, token: ctx.token }),
      t('form.created'),
    );
    if (created) {
      form.reset();
      fill(list, optionRow(list), optionRow(list));
      sync();
      ctx.onCreated(created);
    }
  });
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
