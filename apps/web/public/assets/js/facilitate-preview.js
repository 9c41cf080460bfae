// A preview in the console's dilemma form of what a tenant's phone shows, in Dutch, Frisian or English: the
// question, the explanation, the instruction of the kind and the options with their consequences. It goes through
// localDilemma (content-lang.js), as the tenant page does, so a missing translation shows the Dutch here too; such
// a text is marked (dotted) so the facilitator sees what is not translated yet. Texts and class names follow the
// tenant page (i18n-tenant.js, tenant-screens.js, tenant-vote.js).
import { localDilemma } from './content-lang.js';
import { fill, h } from './dom.js';
import { LANGS, translator } from './i18n.js';
import { TENANT_TEXTS } from './i18n-tenant.js';
import { SCALE_KEYS } from './tenant-vote.js';
import { t } from './staff.js';

const NAMES = { nl: 'Nederlands', fy: 'Frysk', en: 'English' };

/** A text of the phone; `fallback` when the language has none of its own and the Dutch shows instead. */
function text(tag, cls, value, fallback) {
  return h(tag, { class: fallback ? `${cls} fallback` : cls, lang: fallback ? 'nl' : undefined, text: value });
}

function instruction(dilemma, phoneText) {
  switch (dilemma.kind) {
    case 'multi':
      return phoneText('chooseMulti', { max: dilemma.maxChoices ?? dilemma.options.length });
    case 'budget':
      return phoneText('budgetIntro', { budget: dilemma.budget ?? 0 });
    default:
      return phoneText('chooseOne');
  }
}

function phone(dilemma, lang) {
  const phoneText = translator(TENANT_TEXTS, lang);
  const local = localDilemma(dilemma, lang);
  const own = (texts, name) => lang === 'nl' || Boolean(texts?.[lang]?.[name]?.trim());
  const options =
    dilemma.kind === 'scale'
      ? SCALE_KEYS.map((key, i) =>
          h(
            'div',
            { class: `option scale-${i + 1}` },
            h('span', { class: 'scale-num', text: String(i + 1) }),
            h('span', { class: 'option-label', text: phoneText(key) }),
          ),
        )
      : local.options.map((option, i) => {
          const source = dilemma.options[i];
          return h(
            'div',
            { class: 'option' },
            text('span', 'option-label', option.label || '…', !own(source.translations, 'label')),
            option.consequence
              ? text(
                  'span',
                  'option-consequence',
                  phoneText('consequence', { text: option.consequence }),
                  !own(source.translations, 'consequence'),
                )
              : null,
          );
        });
  return [
    local.question
      ? text('p', 'question', local.question, !own(dilemma.translations, 'question'))
      : h('p', { class: 'question empty', text: t('preview.noQuestion') }),
    local.description ? text('p', 'description', local.description, !own(dilemma.translations, 'description')) : null,
    h('p', { class: 'instruction', text: instruction(dilemma, phoneText) }),
    h('div', { class: dilemma.kind === 'scale' ? 'options scale' : 'options' }, options),
  ];
}

/**
 * The folded preview; `read()` gives the dilemma as the form now has it (the API's shape, translations included).
 * Returns {element, redraw}; the form calls redraw on every change.
 */
export function phonePreview(read) {
  let lang = 'nl';
  const screen = h('div', { class: 'phone-preview', lang });
  const buttons = LANGS.map((code) =>
    h('button', {
      type: 'button',
      class: 'lang-btn preview-lang',
      lang: code,
      'data-lang': code,
      'aria-label': `${code.toUpperCase()} – ${NAMES[code]}`,
      text: code.toUpperCase(),
      onclick: () => {
        lang = code;
        redraw();
      },
    }),
  );
  const legend = h('p', { class: 'hint', text: t('preview.fallback') });
  const element = h(
    'details',
    { class: 'preview' },
    h('summary', { text: t('preview.title') }),
    h('div', { class: 'preview-langs', role: 'group', 'aria-label': t('preview.lang') }, buttons),
    screen,
    legend,
  );
  const redraw = () => {
    for (const button of buttons) button.setAttribute('aria-pressed', String(button.dataset.lang === lang));
    screen.lang = lang;
    fill(screen, phone(read(), lang));
    legend.hidden = lang === 'nl';
  };
  redraw();
  return { element, redraw };
}
