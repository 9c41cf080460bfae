// The weights screen (analyst, admin): tenant households per municipality and, optionally, per age band
// (GET/PUT /api/weights). The policy input then shows a weighted share beside the raw one. Checked here for a
// clear message per field before anything is sent; the API checks again and its message is shown as it is.
import { api } from './api.js';
import { fill, h } from './dom.js';
import { formatDateTime, formatNumber } from './format.js';
import { segmentLabel } from './glossary.js';
import { act, errorText, t } from './staff.js';

const AGE_BANDS = ['<30', '30-49', '50-64', '65-79', '80+'];
const MAX_HOUSEHOLDS = 10_000_000;

/** '' → null (no weight), a whole number 1..MAX → that number, anything else → an error text. */
export function parseHouseholds(raw) {
  const text = String(raw ?? '')
    .trim()
    .replace(/[.\s]/g, ''); // "12.400" and "12 400" as people write them
  if (text === '') return { value: null };
  if (!/^\d+$/.test(text)) return { error: t('weights.notWhole') };
  const value = Number(text);
  if (value < 1 || value > MAX_HOUSEHOLDS) return { error: t('weights.range', { max: formatNumber(MAX_HOUSEHOLDS, 0) }) };
  return { value };
}

function inputRow(id, label, value) {
  const input = h('input', {
    id,
    type: 'text',
    inputmode: 'numeric',
    autocomplete: 'off',
    value: value === undefined || value === null ? '' : String(value),
    'aria-describedby': `${id}-error`,
  });
  const error = h('span', { id: `${id}-error`, class: 'field-error' });
  return {
    input,
    error,
    row: h('tr', {}, h('th', { scope: 'row' }, h('label', { for: id, text: label })), h('td', {}, input, error)),
  };
}

/**
 * Draws the screen into `container`. `municipalities`: the names the evenings serve; `onSaved` runs after a
 * successful save (the dashboard reloads its policy input, so the weighted column changes).
 */
export async function weightsScreen(container, { token, municipalities, onSaved }) {
  fill(container, h('p', { text: t('loading') }));
  let current;
  try {
    current = await api('/api/weights', { token });
  } catch (error) {
    fill(container, h('p', { class: 'message error', text: errorText(error) }));
    return;
  }
  const households = current?.households ?? {};
  const names = [...new Set([...municipalities, ...Object.keys(households)])].sort((a, b) => a.localeCompare(b, 'nl'));
  const rows = names.map((m, i) => ({ key: m, ...inputRow(`weight-m-${i}`, m, households[m]) }));
  const ages = AGE_BANDS.map((band, i) => ({
    key: band,
    ...inputRow(`weight-a-${i}`, segmentLabel('ageBand', band), current?.ageBands?.[band]),
  }));
  const summary = h('p', { class: 'message error', role: 'alert', hidden: true });
  const save = h('button', { type: 'submit', class: 'primary', text: t('weights.save') });
  const form = h(
    'form',
    { class: 'weights-form', novalidate: true },
    h(
      'table',
      { class: 'table compact' },
      h('caption', { class: 'visually-hidden', text: t('weights.municipalities') }),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col', text: t('weights.municipality') }),
          h('th', { scope: 'col', text: t('weights.households') }),
        ),
      ),
      h(
        'tbody',
        {},
        rows.map((r) => r.row),
      ),
    ),
    h(
      'details',
      { class: 'weights-ages', open: Object.keys(current?.ageBands ?? {}).length > 0 },
      h('summary', { text: t('weights.agesTitle') }),
      h('p', { class: 'hint', text: t('weights.agesHelp') }),
      h(
        'table',
        { class: 'table compact' },
        h('caption', { class: 'visually-hidden', text: t('weights.agesTitle') }),
        h(
          'tbody',
          {},
          ages.map((r) => r.row),
        ),
      ),
    ),
    summary,
    save,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const read = (list) => {
      const values = {};
      let bad = 0;
      for (const r of list) {
        const parsed = parseHouseholds(r.input.value);
        r.error.textContent = parsed.error ?? '';
        if (parsed.error) {
          r.input.setAttribute('aria-invalid', 'true');
          bad++;
        } else r.input.removeAttribute('aria-invalid');
        if (parsed.value !== null && parsed.value !== undefined) values[r.key] = parsed.value;
      }
      return { values, bad };
    };
    const m = read(rows);
    const a = read(ages);
    let problem = m.bad + a.bad > 0 ? t('weights.fix', { n: m.bad + a.bad }) : null;
    if (!problem && Object.keys(m.values).length === 0) problem = t('weights.none');
    summary.hidden = !problem;
    summary.textContent = problem ?? '';
    if (problem) return;
    // The form is the whole table: age bands left empty clear that table ({}), as PUT /api/weights defines.
    const body = { households: m.values, ageBands: a.values };
    const saved = await act(save, () => api('/api/weights', { method: 'PUT', body, token }), t('weights.saved'));
    if (saved === undefined) return;
    void weightsScreen(container, { token, municipalities, onSaved });
    onSaved?.();
  });
  fill(
    container,
    h('p', { class: 'hint', text: t('weights.help') }),
    current?.updatedAt
      ? h('p', { class: 'meta', text: t('weights.updated', { when: formatDateTime(current.updatedAt) }) })
      : null,
    form,
  );
}
