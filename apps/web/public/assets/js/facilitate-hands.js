// Hand counts in the console's live panel: one entry per option per round, shown with who entered it and when,
// and editable. Saving sends only the options that changed (PUT /api/dilemmas/:id/manual-counts/:round), and the
// server replaces those entries: entering 3 and then correcting to 2 stores 2.
import { api } from './api.js';
import { fill, h } from './dom.js';
import { dilemmaText } from './facilitate-live.js';
import { formatDateTime } from './format.js';
import { act, errorText, field, say, t } from './staff.js';

/** ctx: {token}; the element keeps its own state (it is not redrawn while its dilemma stays in the panel). */
export function handCounts(dilemma, ctx) {
  const body = h('div', { class: 'hands-body' }, h('p', { text: t('loading') }));
  const details = h(
    'details',
    { class: 'hand-counts' },
    h('summary', { text: t('manual.title') }),
    h('p', { class: 'hint', text: t(dilemma.kind === 'budget' ? 'manual.helpBudget' : 'manual.help') }),
    body,
  );
  const state = { round: dilemma.round, data: null };
  const load = async () => {
    try {
      state.data = await api(`/api/dilemmas/${encodeURIComponent(dilemma.id)}/manual-counts`, { token: ctx.token });
      draw();
    } catch (error) {
      fill(body, h('p', { class: 'message error', text: errorText(error) }));
    }
  };
  const draw = () => {
    const { options } = dilemmaText(dilemma);
    const stored = state.data.rounds.find((r) => r.round === state.round) ?? null;
    const entryOf = (key) => stored?.entries.find((e) => e.key === key) ?? null;
    const inputs = options.map((o) => {
      const entry = entryOf(o.key);
      return [
        o,
        entry,
        h('input', {
          type: 'number',
          min: '0',
          max: '10000',
          step: '1',
          inputmode: 'numeric',
          value: String(entry?.count ?? 0),
          'aria-label': o.label,
          class: 'hand-input',
        }),
      ];
    });
    const roundSelect =
      state.data.currentRound > 1
        ? field(
            t('manual.round'),
            h(
              'select',
              {
                onchange: (event) => {
                  state.round = Number(event.target.value);
                  draw();
                },
              },
              Array.from({ length: state.data.currentRound }, (_, i) =>
                h('option', { value: String(i + 1), selected: i + 1 === state.round, text: t('round', { n: i + 1 }) }),
              ),
            ),
          )
        : null;
    const people =
      dilemma.kind === 'multi'
        ? h('input', { type: 'number', min: '0', step: '1', value: stored ? String(stored.respondents) : '' })
        : null;
    const note = h('input', { type: 'text', maxlength: '500', value: stored?.note ?? '' });
    const submit = h('button', { type: 'submit', class: 'primary', text: t('manual.save') });
    const form = h(
      'form',
      { class: 'manual' },
      roundSelect,
      h(
        'table',
        { class: 'table compact hands-table' },
        h('caption', { class: 'visually-hidden', text: t('manual.title') }),
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            ['manual.option', 'manual.count', 'manual.by'].map((k) => h('th', { scope: 'col', text: t(k) })),
          ),
        ),
        h(
          'tbody',
          {},
          inputs.map(([o, entry, input]) =>
            h(
              'tr',
              {},
              h('th', { scope: 'row', text: o.label }),
              h('td', {}, input),
              h('td', {
                class: 'hint',
                text: entry?.enteredBy
                  ? `${entry.enteredBy.name}, ${formatDateTime(entry.enteredAt)}`
                  : entry
                    ? formatDateTime(entry.enteredAt)
                    : '–',
              }),
            ),
          ),
        ),
      ),
      people ? field(t('manual.people'), people, t('manual.peopleHelp')) : null,
      field(t('manual.note'), note),
      h(
        'p',
        { class: 'hint hands-total' },
        stored ? t('manual.stored', { n: stored.respondents, round: state.round }) : t('manual.none', { round: state.round }),
      ),
      submit,
    );
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const counts = {};
      for (const [o, entry, input] of inputs) {
        const n = Number(input.value === '' ? 0 : input.value);
        if (!Number.isInteger(n) || n < 0 || n > 10000) return say(t('manual.bad'), 'error');
        if (n !== (entry?.count ?? 0)) counts[o.key] = n;
      }
      const payload = { counts };
      if (note.value.trim() !== (stored?.note ?? '')) payload.note = note.value.trim();
      if (people && people.value !== '' && Number(people.value) !== stored?.respondents)
        payload.respondents = Number(people.value);
      if (Object.keys(counts).length === 0) {
        // Only the note or the people changed: send the counts as they are, so the round's row is updated.
        if (payload.note === undefined && payload.respondents === undefined) return say(t('manual.unchanged'), 'info');
        for (const [o, entry] of inputs) if (entry) counts[o.key] = entry.count;
        if (Object.keys(counts).length === 0) return say(t('manual.unchanged'), 'info');
      }
      const saved = await act(
        submit,
        () =>
          api(`/api/dilemmas/${encodeURIComponent(dilemma.id)}/manual-counts/${state.round}`, {
            method: 'PUT',
            body: payload,
            token: ctx.token,
          }),
        t('manual.saved'),
      );
      if (saved) await load();
    });
    fill(body, form);
  };
  details.addEventListener('toggle', () => {
    if (details.open && !state.data) void load();
  });
  return details;
}
