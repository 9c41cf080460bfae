// The evenings list at /facilitate: every evening (GET /api/evenings) and a form to create one.
import { api, readsPolicyOnly } from './api.js';
import { h, show } from './dom.js';
import { amsterdamLocalToIso, formatDateTime } from './format.js';
import { onLangChange } from './i18n.js';
import { act, errorText, field, say, staffPage, t } from './staff.js';

// The evenings and their join codes are for those who run them; the API leaves the codes out for the rest.
const signedIn = staffPage('evenings.title');
const session = signedIn && readsPolicyOnly(signedIn.user?.role) ? null : signedIn;
if (signedIn && !session) location.replace('/policy');
const app = document.getElementById('app');
let evenings = null;
let loadError = null;

async function load() {
  try {
    evenings = await api('/api/evenings', { token: session.accessToken });
    loadError = null;
  } catch (error) {
    loadError = errorText(error);
  }
  render();
}

function statusBadge(status) {
  return h('span', { class: `badge status-${status}`, text: t(`status.${status}`) });
}

function list() {
  if (loadError) return h('p', { class: 'message error', text: loadError });
  if (!evenings) return h('p', { text: t('loading') });
  if (evenings.length === 0) return h('p', { class: 'hint', text: t('evenings.none') });
  const sorted = [...evenings].sort((a, b) => String(a.startsAt).localeCompare(String(b.startsAt)));
  return h(
    'table',
    { class: 'table' },
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        [
          'evening.title',
          'evening.municipality',
          'evening.venue',
          'evening.startsAt',
          'evening.status',
          'evening.joinCode',
          '',
        ].map((k) => h('th', { scope: 'col', text: k ? t(k) : '' })),
      ),
    ),
    h(
      'tbody',
      {},
      sorted.map((e) =>
        h(
          'tr',
          {},
          h('td', {}, h('a', { href: `/facilitate/${encodeURIComponent(e.id)}`, text: e.title })),
          h('td', { text: e.municipality }),
          h('td', { text: e.venue }),
          h('td', { text: formatDateTime(e.startsAt) }),
          h('td', {}, statusBadge(e.status)),
          h('td', { class: 'mono', text: e.joinCode ?? '' }),
          h(
            'td',
            {},
            h('a', { class: 'button-link', href: `/facilitate/${encodeURIComponent(e.id)}`, text: t('evenings.open') }),
          ),
        ),
      ),
    ),
  );
}

function createForm() {
  const title = h('input', { name: 'title', required: true, maxlength: '200' });
  const municipality = h('input', { name: 'municipality', required: true, maxlength: '100' });
  const venue = h('input', { name: 'venue', required: true, maxlength: '200' });
  const startsAt = h('input', { name: 'startsAt', type: 'datetime-local', required: true });
  const capacity = h('input', { name: 'capacity', type: 'number', min: '1', step: '1' });
  const joinMode = h(
    'select',
    { name: 'joinMode' },
    h('option', { value: 'open', text: t('joinMode.open') }),
    h('option', { value: 'cards', text: t('joinMode.cards') }),
  );
  const submit = h('button', { type: 'submit', class: 'primary', text: t('evenings.create') });
  const form = h(
    'form',
    { class: 'card grid-form' },
    h('h2', { text: t('evenings.new') }),
    field(t('evening.title'), title),
    field(t('evening.municipality'), municipality),
    field(t('evening.venue'), venue),
    field(t('evening.startsAt'), startsAt, t('evenings.timeZone')),
    field(t('evening.capacity'), capacity, t('evenings.capacityHelp')),
    field(t('evening.joinMode'), joinMode),
    submit,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const iso = amsterdamLocalToIso(startsAt.value);
    if (!iso) return say(t('evenings.badDate'), 'error');
    const body = {
      title: title.value,
      municipality: municipality.value,
      venue: venue.value,
      startsAt: iso,
      joinMode: joinMode.value,
    };
    if (capacity.value) body.capacity = Number(capacity.value);
    const created = await act(submit, () => api('/api/evenings', { method: 'POST', body, token: session.accessToken }));
    if (created) location.assign(`/facilitate/${encodeURIComponent(created.id)}`);
  });
  return form;
}

function render() {
  show(app, h('h1', { text: t('evenings.title') }), h('section', { class: 'card' }, list()), createForm());
}

if (session) {
  onLangChange(render);
  render();
  void load();
}
