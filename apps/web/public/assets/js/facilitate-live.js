// The console's live panel: what the room is doing now. Presence, the current dilemma with its controls
// ("Volgende vraag", close, reveal, revote), the countdown and the tally (phones and hands apart). It stays
// in view while the agenda scrolls (staff.css .live-column). Every action here also has a key (facilitate-keys.js).
import { api } from './api.js';
import { barChart } from './chart.js';
import { fill, h } from './dom.js';
import { formatNumber } from './format.js';
import { act, field, t } from './staff.js';

/** The buttons a dilemma's state allows (CONTRACT.md "Dilemmas"); the server has the last word (409). */
export function actionsFor(dilemma, eveningLive) {
  const actions = [];
  if (dilemma.status === 'draft') actions.push(['open', 'primary', !eveningLive]);
  if (dilemma.status === 'open') actions.push(['close', 'primary', false]);
  if (!dilemma.revealed && dilemma.status !== 'draft') actions.push(['reveal', '', false]);
  if (dilemma.status === 'closed') actions.push(['revote', '', !eveningLive]);
  return actions;
}

/** The key of each action (the help overlay lists them). */
export const KEYS = { next: 'n', open: 'o', close: 'c', reveal: 'r', revote: 'v', countdown: 't', hands: 'h', screen: 's' };

/** Every text of a dilemma the console shows in its live panel, in one place (translations plug in here). */
export function dilemmaText(dilemma) {
  const options =
    dilemma.kind === 'scale'
      ? [1, 2, 3, 4, 5].map((v) => ({ key: String(v), label: `${v} · ${t(`scale${v}`)}`, consequence: null }))
      : dilemma.options.map((o) => ({ key: o.id, label: o.label, consequence: o.consequence ?? null }));
  return { question: dilemma.question, description: dilemma.description ?? null, options };
}

/** Runs a transition of a dilemma over HTTP; the changed dilemma goes to ctx.onChanged. */
export async function move(ctx, dilemma, action, button) {
  const updated = await act(
    button,
    () => api(`/api/dilemmas/${encodeURIComponent(dilemma.id)}/${action}`, { method: 'POST', token: ctx.token }),
    t(`dilemma.${action}.done`),
  );
  if (updated) ctx.onChanged(updated);
  return updated;
}

/** "Volgende vraag": the server closes the open dilemma and opens the next draft. */
export async function nextQuestion(ctx, button) {
  const outcome = await act(
    button,
    () => api(`/api/evenings/${encodeURIComponent(ctx.eveningId)}/next`, { method: 'POST', token: ctx.token }),
    t('live.next.done'),
  );
  if (!outcome) return;
  if (outcome.closed) ctx.onChanged(outcome.closed);
  ctx.onChanged(outcome.opened);
}

/** Starts (or stops, when one runs) the countdown of the current dilemma with the panel's settings. */
export async function toggleCountdown(ctx, dilemma, button) {
  if (!dilemma) return;
  const running = Boolean(dilemma.countdown?.endsAt) && dilemma.status === 'open';
  const path = `/api/dilemmas/${encodeURIComponent(dilemma.id)}/countdown`;
  const seconds = Number(ctx.countdownSeconds);
  const updated = running
    ? await act(button, () => api(path, { method: 'DELETE', token: ctx.token }), t('countdown.stopped'))
    : await act(
        button,
        () => api(path, { method: 'PUT', token: ctx.token, body: { seconds, closeAtZero: ctx.countdownClose } }),
        t(dilemma.status === 'open' ? 'countdown.started' : 'countdown.set'),
      );
  if (updated) ctx.onChanged(updated);
}

function remaining(countdown) {
  if (!countdown?.endsAt) return null;
  const left = Math.max(0, Math.ceil((Date.parse(countdown.endsAt) - Date.now()) / 1000));
  return `${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')}`;
}

/**
 * The countdown's form is made once and kept: the panel redraws up to four times a second while votes come
 * in, and a field being typed in must keep its text and focus. Only its status line and button change.
 */
function countdownPart(ctx) {
  if (ctx.countdownPart) return ctx.countdownPart;
  const seconds = h('input', { type: 'number', min: '5', max: '3600', step: '5', value: String(ctx.countdownSeconds) });
  seconds.addEventListener('input', () => (ctx.countdownSeconds = seconds.value));
  const close = h('input', { type: 'checkbox', id: 'countdown-close', checked: ctx.countdownClose });
  close.addEventListener('change', () => (ctx.countdownClose = close.checked));
  const button = h('button', {
    type: 'button',
    class: 'countdown-toggle',
    'aria-keyshortcuts': KEYS.countdown.toUpperCase(),
    title: t('keys.hint', { key: KEYS.countdown.toUpperCase() }),
  });
  const status = h('div', { class: 'countdown-status' });
  const element = h(
    'div',
    { class: 'countdown' },
    status,
    h(
      'div',
      { class: 'countdown-form' },
      field(t('countdown.seconds'), seconds),
      h('label', { class: 'check', for: 'countdown-close' }, close, t('countdown.close')),
      button,
    ),
  );
  ctx.countdownPart = {
    element,
    update(dilemma) {
      const running = dilemma.status === 'open' ? remaining(dilemma.countdown) : null;
      button.textContent = t(running ? 'countdown.stop' : 'countdown.start');
      button.className = `countdown-toggle ${running ? 'danger' : ''}`;
      button.onclick = () => toggleCountdown(ctx, dilemma, button);
      fill(
        status,
        running
          ? h(
              'p',
              { class: 'countdown-left', role: 'timer' },
              t('countdown.left'),
              ' ',
              h('strong', { class: 'countdown-value', text: running }),
              dilemma.countdown.closeAtZero ? ` · ${t('countdown.closesAtZero')}` : '',
            )
          : dilemma.countdown && dilemma.status !== 'open'
            ? h('p', { class: 'hint', text: t('countdown.waiting', { n: dilemma.countdown.seconds }) })
            : null,
      );
      return element;
    },
  };
  return ctx.countdownPart;
}

function totals(tally) {
  const total = tally?.total ?? 0;
  const hand = tally?.manual?.total ?? 0;
  return t('live.split', { total: t(total === 1 ? 'live.totalOne' : 'live.total', { n: total }), phone: total - hand, hand });
}

/** Rows for the bars: phones and hands as separate figures after each option. */
function tallyChart(dilemma, texts, tally) {
  const counts = tally?.counts ?? {};
  const manual = tally?.manual?.counts ?? {};
  const denominator =
    dilemma.kind === 'budget' ? texts.options.reduce((sum, o) => sum + (counts[o.key] ?? 0), 0) : (tally?.total ?? 0);
  const rows = texts.options.map((o) => {
    const value = counts[o.key] ?? 0;
    const hand = manual[o.key] ?? 0;
    return {
      label: o.label,
      value,
      share: denominator > 0 ? value / denominator : 0,
      note: t('live.optionSplit', { phone: formatNumber(value - hand, 0), hand: formatNumber(hand, 0) }),
    };
  });
  return barChart(rows, {
    className: 'compact',
    valueText: dilemma.kind === 'budget' ? (r) => t('points', { n: r.value }) : undefined,
  });
}

/** The panel's parts, made once: the parts with fields are never replaced while their dilemma stays. */
function partsOf(ctx, panel) {
  if (ctx.liveParts?.panel === panel) return ctx.liveParts;
  const parts = {
    panel,
    head: h('div'),
    current: h('div', { class: 'live-current' }),
    controls: h('div', { class: 'actions live-controls' }),
    tally: h('div', { class: 'live-tally' }),
    countdown: h('div'),
    hands: h('div'),
    handsFor: null,
  };
  fill(panel, parts.head, parts.current, parts.controls, parts.tally, parts.countdown, parts.hands);
  ctx.liveParts = parts;
  return parts;
}

/** ctx: the console's state (facilitate.js); panel: the element to fill. */
export function drawLivePanel(ctx, panel) {
  const parts = partsOf(ctx, panel);
  const current = ctx.dilemmas?.find((d) => d.id === ctx.currentId) ?? null;
  // A tally of an earlier round (before a revote) is not this round's.
  const stored = current ? ctx.tallies[current.id] : null;
  const tally = stored && stored.round === current.round ? stored : null;
  const presence = ctx.presence;
  const eveningLive = ctx.evening?.status === 'live';
  const texts = current ? dilemmaText(current) : null;
  fill(
    parts.head,
    h(
      'div',
      { class: 'live-head' },
      h('h2', { text: t('live.title') }),
      h('button', {
        type: 'button',
        class: 'small help-open',
        text: t('keys.open'),
        'aria-keyshortcuts': '?',
        onclick: ctx.openHelp,
      }),
    ),
    h(
      'p',
      { class: 'presence' },
      h('span', { class: `dot ${ctx.online ? 'on' : 'off'}`, 'aria-hidden': 'true' }),
      ctx.online ? t('live.connected') : t('live.offline'),
      presence ? ` · ${t('live.presence', { connected: presence.connected, voted: presence.voted })}` : '',
    ),
  );
  fill(
    parts.current,
    current
      ? [
          h('p', { class: 'live-question' }, h('span', { class: 'position', text: `${current.position}. ` }), texts.question),
          h('p', {
            class: 'hint',
            text: `${t(`dstatus.${current.status}`)} · ${t('round', { n: current.round })}${current.revealed ? ` · ${t('dilemma.revealed')}` : ''}`,
          }),
        ]
      : h('p', { class: 'hint', text: t('live.none') }),
  );
  const nextButton = h('button', {
    type: 'button',
    class: 'primary',
    text: t('live.next'),
    disabled: !eveningLive,
    'aria-keyshortcuts': KEYS.next.toUpperCase(),
    title: eveningLive ? t('keys.hint', { key: KEYS.next.toUpperCase() }) : t('dilemma.needsLive'),
  });
  nextButton.addEventListener('click', () => nextQuestion(ctx, nextButton));
  fill(
    parts.controls,
    nextButton,
    current
      ? actionsFor(current, eveningLive).map(([action, , disabled]) => {
          const button = h('button', {
            type: 'button',
            text: t(`dilemma.${action}`),
            disabled,
            'aria-keyshortcuts': KEYS[action].toUpperCase(),
            title: disabled ? t('dilemma.needsLive') : t('keys.hint', { key: KEYS[action].toUpperCase() }),
          });
          button.addEventListener('click', () => move(ctx, current, action, button));
          return button;
        })
      : null,
  );
  fill(
    parts.tally,
    current
      ? [
          tallyChart(current, texts, tally),
          h('p', { class: 'total', text: totals(tally) }),
          current.kind === 'scale' && typeof tally?.mean === 'number'
            ? h('p', { text: t('live.mean', { mean: formatNumber(tally.mean, 2) }) })
            : null,
        ]
      : null,
  );
  const countdown = countdownPart(ctx);
  if (current && (current.status !== 'closed' || current.countdown)) {
    countdown.update(current);
    if (!parts.countdown.contains(countdown.element)) fill(parts.countdown, countdown.element);
  } else fill(parts.countdown);
  // The hand counts are drawn again only when another dilemma or round comes into the panel.
  const handsKey = current && current.status !== 'draft' ? `${current.id}|${current.round}` : null;
  if (handsKey !== parts.handsFor) {
    parts.handsFor = handsKey;
    fill(parts.hands, handsKey && ctx.handCounts ? ctx.handCounts(current) : null);
  }
}

/** Ticks the countdown figure without redrawing the panel (inputs keep their focus). */
export function tickCountdown(ctx, panel) {
  const value = panel.querySelector('.countdown-value');
  const current = ctx.dilemmas?.find((d) => d.id === ctx.currentId);
  if (!value || !current) return;
  const text = remaining(current.countdown);
  if (text !== null) value.textContent = text;
}
