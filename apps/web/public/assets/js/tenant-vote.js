// The voting control per dilemma kind (docs/API.md, "Dilemmas"): choice, multi, budget, scale.
// Every control ends in onVote(choice) with `choice` exactly as the `vote` event wants it
// (libs/contracts/src/live-events.ts VoteChoice).
import { h } from './dom.js';

export const SCALE_KEYS = ['scale1', 'scale2', 'scale3', 'scale4', 'scale5'];

/** An empty draft for a dilemma; kept across re-renders (language switch, reconnect) until sent. */
export function newDraft(dilemma, myVote) {
  const draft = { selected: [], allocation: {} };
  const choice = myVote?.choice;
  if (choice?.optionIds) draft.selected = [...choice.optionIds];
  if (choice?.allocation) draft.allocation = { ...choice.allocation };
  for (const option of dilemma.options) draft.allocation[option.id] ??= 0;
  return draft;
}

function optionText(option, t, isCurrent = false) {
  return [
    isCurrent ? h('span', { class: 'current-badge', text: t('currentChoice') }) : null,
    h('span', { class: 'option-label', text: option.label }),
    option.consequence ? h('span', { class: 'option-consequence', text: t('consequence', { text: option.consequence }) }) : null,
  ];
}

function choiceControl(dilemma, t, onVote, current) {
  const chosen = current?.optionIds ?? [];
  return [
    h('p', { class: 'instruction', text: t('chooseOne') }),
    h(
      'div',
      { class: 'options' },
      dilemma.options.map((option) => {
        const isCurrent = chosen.includes(option.id);
        return h(
          'button',
          {
            type: 'button',
            class: isCurrent ? 'option current' : 'option',
            'aria-current': isCurrent ? 'true' : undefined,
            onclick: () => onVote({ optionIds: [option.id] }),
          },
          optionText(option, t, isCurrent),
        );
      }),
    ),
  ];
}

function multiControl(dilemma, draft, t, onVote) {
  const max = dilemma.maxChoices ?? dilemma.options.length;
  const counter = h('p', { class: 'counter', 'aria-live': 'polite' });
  const submit = h('button', { type: 'button', class: 'primary', text: t('vote') });
  const buttons = dilemma.options.map((option) =>
    h(
      'button',
      { type: 'button', class: 'option toggle', 'data-id': option.id, onclick: () => toggle(option.id) },
      optionText(option, t),
    ),
  );
  const update = () => {
    for (const button of buttons) {
      const on = draft.selected.includes(button.dataset.id);
      button.setAttribute('aria-pressed', String(on));
      button.disabled = !on && draft.selected.length >= max;
    }
    counter.textContent = t('chosenCount', { n: draft.selected.length, max });
    submit.disabled = draft.selected.length < 1;
  };
  const toggle = (id) => {
    draft.selected = draft.selected.includes(id) ? draft.selected.filter((x) => x !== id) : [...draft.selected, id];
    update();
  };
  submit.addEventListener('click', () =>
    onVote({ optionIds: dilemma.options.map((o) => o.id).filter((id) => draft.selected.includes(id)) }),
  );
  update();
  return [
    h('p', { class: 'instruction', text: t('chooseMulti', { max }) }),
    h('div', { class: 'options' }, buttons),
    counter,
    submit,
  ];
}

function budgetControl(dilemma, draft, t, onVote) {
  const budget = dilemma.budget ?? 0;
  const left = h('p', { class: 'points-left', 'aria-live': 'polite' });
  const submit = h('button', { type: 'button', class: 'primary', text: t('vote') });
  const rows = dilemma.options.map((option) => {
    const value = h('output', { class: 'points-value' });
    const minus = h('button', { type: 'button', class: 'step', text: '−', 'aria-label': t('less', { label: option.label }) });
    const plus = h('button', { type: 'button', class: 'step', text: '+', 'aria-label': t('more', { label: option.label }) });
    minus.addEventListener('click', () => change(option.id, -1));
    plus.addEventListener('click', () => change(option.id, +1));
    return {
      option,
      value,
      minus,
      plus,
      el: h(
        'div',
        { class: 'budget-row' },
        h('div', { class: 'budget-text' }, optionText(option, t)),
        h('div', { class: 'stepper' }, minus, value, plus),
      ),
    };
  });
  const spent = () => Object.values(draft.allocation).reduce((sum, n) => sum + n, 0);
  const update = () => {
    const remaining = budget - spent();
    for (const row of rows) {
      const n = draft.allocation[row.option.id] ?? 0;
      row.value.textContent = String(n);
      row.minus.disabled = n <= 0;
      row.plus.disabled = remaining <= 0;
    }
    left.textContent = remaining === 0 ? t('pointsDone') : t('pointsLeft', { n: remaining });
    left.classList.toggle('done', remaining === 0);
    submit.disabled = remaining !== 0;
  };
  const change = (id, delta) => {
    const next = (draft.allocation[id] ?? 0) + delta;
    if (next < 0 || spent() + delta > budget) return;
    draft.allocation[id] = next;
    update();
  };
  submit.addEventListener('click', () => onVote({ allocation: { ...draft.allocation } }));
  update();
  return [
    h('p', { class: 'instruction', text: t('budgetIntro', { budget }) }),
    left,
    h(
      'div',
      { class: 'budget' },
      rows.map((r) => r.el),
    ),
    submit,
  ];
}

function scaleControl(t, onVote, current) {
  return [
    h('p', { class: 'instruction', text: t('chooseOne') }),
    h(
      'div',
      { class: 'options scale' },
      SCALE_KEYS.map((key, i) => {
        const isCurrent = current?.value === i + 1;
        return h(
          'button',
          {
            type: 'button',
            class: `option scale-${i + 1}${isCurrent ? ' current' : ''}`,
            'aria-current': isCurrent ? 'true' : undefined,
            onclick: () => onVote({ value: i + 1 }),
          },
          h('span', { class: 'scale-num', text: String(i + 1) }),
          h('span', { class: 'option-label', text: t(key) }),
          isCurrent ? h('span', { class: 'current-badge', text: t('currentChoice') }) : null,
        );
      }),
    ),
  ];
}

/** `current`: the tenant's vote being changed (marked), or null. Multi and budget start from it as their draft. */
export function voteControl(dilemma, draft, t, onVote, current = null) {
  switch (dilemma.kind) {
    case 'choice':
      return choiceControl(dilemma, t, onVote, current);
    case 'multi':
      return multiControl(dilemma, draft, t, onVote);
    case 'budget':
      return budgetControl(dilemma, draft, t, onVote);
    case 'scale':
      return scaleControl(t, onVote, current);
    default:
      return [];
  }
}

/** The tenant's own vote in words, for the "received" screen. */
export function describeChoice(dilemma, choice, t) {
  if (!choice) return [];
  const label = (id) => dilemma.options.find((o) => o.id === id)?.label ?? '?';
  if (Array.isArray(choice.optionIds)) return choice.optionIds.map(label);
  if (choice.allocation) {
    return dilemma.options
      .filter((o) => (choice.allocation[o.id] ?? 0) > 0)
      .map((o) => `${o.label}: ${t('points', { n: choice.allocation[o.id] })}`);
  }
  if (typeof choice.value === 'number') return [`${choice.value} · ${t(SCALE_KEYS[choice.value - 1] ?? 'scale3')}`];
  return [];
}
