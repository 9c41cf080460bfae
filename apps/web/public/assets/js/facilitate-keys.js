// Keyboard shortcuts of the console and their help overlay ("?"). A key acts on the current dilemma of the
// live panel, exactly as its button does; nothing happens while typing in a field or with a modifier held.
import { fill, h } from './dom.js';
import { KEYS } from './facilitate-live.js';
import { t } from './staff.js';

const HELP = [
  [KEYS.next, 'keys.next'],
  [KEYS.open, 'keys.openDilemma'],
  [KEYS.close, 'keys.close'],
  [KEYS.reveal, 'keys.reveal'],
  [KEYS.revote, 'keys.revote'],
  [KEYS.countdown, 'keys.countdown'],
  [KEYS.hands, 'keys.hands'],
  [KEYS.screen, 'keys.screen'],
  ['?', 'keys.help'],
  ['Esc', 'keys.escape'],
];

/** The help overlay: a modal <dialog> (focus stays inside, Esc closes it, focus returns to where it was). */
export function helpDialog() {
  const dialog = h('dialog', { class: 'help-dialog', 'aria-labelledby': 'help-title' });
  const draw = () =>
    fill(
      dialog,
      h('h2', { id: 'help-title', text: t('keys.title') }),
      h(
        'table',
        { class: 'table compact keys' },
        h('caption', { class: 'visually-hidden', text: t('keys.title') }),
        h(
          'thead',
          {},
          h('tr', {}, h('th', { scope: 'col', text: t('keys.key') }), h('th', { scope: 'col', text: t('keys.does') })),
        ),
        h(
          'tbody',
          {},
          HELP.map(([key, text]) =>
            h('tr', {}, h('td', {}, h('kbd', { text: key.length === 1 ? key.toUpperCase() : key })), h('td', { text: t(text) })),
          ),
        ),
      ),
      h('form', { method: 'dialog' }, h('button', { type: 'submit', class: 'primary', text: t('keys.dismiss') })),
    );
  draw();
  return {
    element: dialog,
    open: () => {
      draw();
      if (!dialog.open) dialog.showModal();
    },
    redraw: draw,
  };
}

function typing(target) {
  return Boolean(target?.closest?.('input, textarea, select, [contenteditable="true"]'));
}

/** handlers: {next, open, close, reveal, revote, countdown, hands, screen, help}; each gets the event. */
export function bindKeys(handlers, dialog) {
  document.addEventListener('keydown', (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey || event.repeat) return;
    if (dialog.element.open || typing(event.target)) return; // the dialog has its own keys: Esc, Tab, Enter
    if (event.key === '?') {
      event.preventDefault();
      handlers.help();
      return;
    }
    const action = Object.entries(KEYS).find(([, key]) => key === event.key.toLowerCase())?.[0];
    if (!action || !handlers[action]) return;
    event.preventDefault();
    handlers[action](event);
  });
}
