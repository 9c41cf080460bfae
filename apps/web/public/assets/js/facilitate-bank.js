// The question bank in the facilitator's console: add a saved dilemma (GET /api/templates) to this evening
// (POST /api/evenings/:id/dilemmas/from-template). A dilemma from the bank stays linked to its template, so the
// policy team compares it across evenings and years.
import { api } from './api.js';
import { fill, h } from './dom.js';
import { pick } from './i18n.js';
import { act, errorText, field, t } from './staff.js';

/** ctx: {token, eveningId, themes, onCreated(dilemma)} */
export function bankPicker(ctx) {
  const select = h('select', { required: true }, h('option', { value: '', text: t('loading') }));
  const submit = h('button', { type: 'submit', class: 'primary', text: t('bank.add'), disabled: true });
  const form = h(
    'form',
    { class: 'card grid-form bank-picker' },
    h('h2', { text: t('bank.title') }),
    field(t('bank.template'), select),
    submit,
  );
  const themeName = (slug) => {
    const theme = ctx.themes.find((x) => x.slug === slug);
    return theme ? pick(theme.name) : slug;
  };
  api('/api/templates', { token: ctx.token }).then(
    (templates) => {
      if (templates.length === 0) return fill(select, h('option', { value: '', text: t('bank.empty') }));
      fill(
        select,
        templates.map((x) => {
          // Which translations come along into the evening (FY, EN), so a gap is seen before the room does.
          const langs = Object.keys(x.translations ?? {}).map((lang) => lang.toUpperCase());
          const suffix = langs.length ? ` (${langs.join(', ')})` : '';
          return h('option', { value: x.id, text: `${themeName(x.theme)}: ${x.question}${suffix}` });
        }),
      );
      submit.disabled = false;
    },
    (error) => fill(select, h('option', { value: '', text: errorText(error) })),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!select.value) return;
    const created = await act(
      submit,
      () =>
        api(`/api/evenings/${encodeURIComponent(ctx.eveningId)}/dilemmas/from-template`, {
          method: 'POST',
          body: { templateId: select.value },
          token: ctx.token,
        }),
      t('form.created'),
    );
    if (created) ctx.onCreated(created);
  });
  return form;
}
