// The agenda of the facilitator's console: every dilemma in position order with the buttons its
// state allows (open, close, reveal, revote), and a button that brings it into the live panel.
import { api } from './api.js';
import { h } from './dom.js';
import { pick } from './i18n.js';
import { actionsFor } from './facilitate-live.js';
import { act, t } from './staff.js';

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
  // Into the live panel: its tally, countdown and hand counts (to correct a closed dilemma's count, say).
  const show = h('button', { type: 'button', class: 'small', text: t('agenda.toPanel') });
  show.addEventListener('click', () => ctx.select(dilemma.id));
  // A draft's texts, options and translations can still change (PATCH); once opened they are fixed.
  // The form sets ctx.editDilemma when it is drawn, which may be after this agenda: look it up on the click.
  const edit =
    dilemma.status === 'draft'
      ? h('button', { type: 'button', class: 'small', text: t('agenda.edit'), onclick: () => ctx.editDilemma?.(dilemma) })
      : null;
  return h(
    'li',
    { class: `agenda-item ${dilemma.status === 'open' ? 'is-open' : ''} ${ctx.currentId === dilemma.id ? 'in-panel' : ''}` },
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
    // The dilemma in the panel has its buttons there (with their keys); the agenda does not repeat them.
    ctx.currentId === dilemma.id
      ? [h('p', { class: 'hint', text: t('agenda.inPanel') }), edit ? h('div', { class: 'actions' }, edit) : null]
      : h('div', { class: 'actions' }, buttons, show, edit),
  );
}

/** ctx: {token, evening, themes, dilemmas, currentId, onChanged(dilemma), select(id), editDilemma(dilemma)} */
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
