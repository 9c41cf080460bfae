// The agenda of the facilitator's console: every dilemma in position order with the buttons its
// state allows (open, close, reveal, revote) and a form for hand counts (POST /api/dilemmas/:id/manual-counts).
import { api } from './api.js';
import { h } from './dom.js';
import { pick } from './i18n.js';
import { act, field, say, t } from './staff.js';

const SCALE_VALUES = ['1', '2', '3', '4', '5'];

/** The buttons a dilemma's state allows (docs/API.md, "Dilemmas"); the server has the last word (409). */
function actionsFor(dilemma, eveningLive) {
  const actions = [];
  if (dilemma.status === 'draft') actions.push(['open', 'primary', !eveningLive]);
  if (dilemma.status === 'open') actions.push(['close', 'primary', false]);
  if (!dilemma.revealed && dilemma.status !== 'draft') actions.push(['reveal', '', false]);
  if (dilemma.status === 'closed') actions.push(['revote', '', !eveningLive]);
  return actions;
}

function manualCountsForm(dilemma, ctx) {
  const keys =
    dilemma.kind === 'scale'
      ? SCALE_VALUES.map((v) => [v, `${v} · ${t(`scale${v}`)}`])
      : dilemma.options.map((o) => [o.id, o.label]);
  const inputs = keys.map(([key, label]) => [
    key,
    h('input', { type: 'number', min: '0', step: '1', value: '0', 'aria-label': label }),
  ]);
  const round = h('input', { type: 'number', min: '1', step: '1', value: String(dilemma.round) });
  const note = h('input', { type: 'text', maxlength: '500' });
  // multi: the counts add up to more than the people (each may tick several), so ask how many people.
  const people = dilemma.kind === 'multi' ? h('input', { type: 'number', min: '0', step: '1' }) : null;
  const submit = h('button', { type: 'submit', class: 'primary', text: t('manual.save') });
  const form = h(
    'form',
    { class: 'manual' },
    h('p', { class: 'hint', text: t(dilemma.kind === 'budget' ? 'manual.helpBudget' : 'manual.help') }),
    h(
      'div',
      { class: 'manual-grid' },
      inputs.map(([key, input]) => field(keys.find((k) => k[0] === key)[1], input)),
    ),
    people ? field(t('manual.people'), people, t('manual.peopleHelp')) : null,
    field(t('manual.round'), round),
    field(t('manual.note'), note),
    submit,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const counts = {};
    for (const [key, input] of inputs) {
      const n = Number(input.value || 0);
      if (!Number.isInteger(n) || n < 0) return say(t('manual.bad'), 'error');
      if (n > 0) counts[key] = n;
    }
    const body = { round: Number(round.value), counts };
    if (note.value.trim()) body.note = note.value.trim();
    if (people?.value) body.respondents = Number(people.value);
    const saved = await act(
      submit,
      () => api(`/api/dilemmas/${encodeURIComponent(dilemma.id)}/manual-counts`, { method: 'POST', body, token: ctx.token }),
      t('manual.saved'),
    );
    if (saved !== undefined) for (const [, input] of inputs) input.value = '0';
  });
  return h('details', { class: 'manual-details' }, h('summary', { text: t('manual.title') }), form);
}

function item(dilemma, ctx) {
  const theme = ctx.themes.find((x) => x.slug === dilemma.theme);
  const buttons = actionsFor(dilemma, ctx.evening?.status === 'live').map(([action, cls, disabled]) => {
    const button = h('button', {
      type: 'button',
      class: cls,
      text: t(`dilemma.${action}`),
      disabled,
      title: disabled ? t('dilemma.needsLive') : undefined,
    });
    button.addEventListener('click', async () => {
      const updated = await act(
        button,
        () => api(`/api/dilemmas/${encodeURIComponent(dilemma.id)}/${action}`, { method: 'POST', token: ctx.token }),
        t(`dilemma.${action}.done`),
      );
      if (updated) ctx.onChanged(updated);
    });
    return button;
  });
  return h(
    'li',
    { class: `agenda-item ${dilemma.status === 'open' ? 'is-open' : ''}` },
    h(
      'div',
      { class: 'agenda-head' },
      h('span', { class: 'position', text: `${dilemma.position}.` }),
      h('span', { class: 'theme', text: theme ? pick(theme.name) : dilemma.theme }),
      h('span', { class: 'kind', text: t(`kind.${dilemma.kind}`) }),
      h('span', { class: `badge dstatus-${dilemma.status}`, text: t(`dstatus.${dilemma.status}`) }),
      dilemma.round > 1 ? h('span', { class: 'badge', text: t('round', { n: dilemma.round }) }) : null,
      dilemma.revealed ? h('span', { class: 'badge revealed', text: t('dilemma.revealed') }) : null,
    ),
    h('p', { class: 'agenda-question', text: dilemma.question }),
    dilemma.options.length
      ? h(
          'ul',
          { class: 'agenda-options' },
          dilemma.options.map((o) =>
            h(
              'li',
              {},
              h('span', { text: o.label }),
              o.consequence ? h('span', { class: 'hint', text: ` — ${o.consequence}` }) : null,
            ),
          ),
        )
      : null,
    h('div', { class: 'actions' }, buttons),
    dilemma.status !== 'draft' ? manualCountsForm(dilemma, ctx) : null,
  );
}

/** ctx: {token, evening, themes, dilemmas, onChanged(dilemma)} */
export function agenda(ctx) {
  if (ctx.dilemmasError) return h('p', { class: 'message error', text: ctx.dilemmasError });
  if (!ctx.dilemmas) return h('p', { text: t('loading') });
  if (ctx.dilemmas.length === 0) return h('p', { class: 'hint', text: t('agenda.empty') });
  const sorted = [...ctx.dilemmas].sort((a, b) => a.position - b.position);
  return h(
    'ol',
    { class: 'agenda' },
    sorted.map((d) => item(d, ctx)),
  );
}
