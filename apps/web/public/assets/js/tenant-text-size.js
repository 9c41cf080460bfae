// "Grotere letters": one switch in the top bar that makes every text a quarter larger, on top of the
// phone's own text size (the tenant page is set in rem, so it already follows that). Kept on this phone.
import { fill, h } from './dom.js';
import { onLangChange } from './i18n.js';

const KEY = 'hs.largerText';

function stored() {
  try {
    return localStorage.getItem(KEY) === '1';
  } catch {
    return false;
  }
}

function apply(on) {
  document.documentElement.classList.toggle('larger-text', on);
  try {
    if (on) localStorage.setItem(KEY, '1');
    else localStorage.removeItem(KEY);
  } catch {
    /* switched, not remembered */
  }
}

export function mountTextSize(container, t) {
  if (!container) return;
  let on = stored();
  apply(on);
  const render = () =>
    fill(
      container,
      h('button', {
        type: 'button',
        class: 'text-size-btn',
        'aria-pressed': String(on),
        // The visible "A+" leads the name (WCAG 2.5.3), the words follow for screen readers.
        'aria-label': `A+ ${t('largerText')}`,
        title: t('largerText'),
        text: 'A+',
        onclick: () => {
          on = !on;
          apply(on);
          render();
        },
      }),
    );
  render();
  onLangChange(render);
}
