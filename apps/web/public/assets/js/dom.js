// Tiny DOM helpers. User-provided text only ever goes in as text (textContent / text nodes),
// never as HTML; event handlers are attached with addEventListener (the CSP forbids inline handlers).

/**
 * h('button', {class: 'big', text: 'Stem', onclick: fn, disabled: true}, child, 'text', …)
 * Attributes: `text` sets textContent, `on<event>` adds a listener, `class`, `style` (object or string),
 * booleans set or omit the attribute, anything else goes through setAttribute.
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'text') el.textContent = String(value);
    else if (name.startsWith('on') && typeof value === 'function') el.addEventListener(name.slice(2), value);
    else if (name === 'style' && typeof value === 'object') Object.assign(el.style, value);
    else if (name === 'value') el.value = value;
    else if (value === true) el.setAttribute(name, '');
    else el.setAttribute(name, String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else if (child instanceof Node) el.appendChild(child);
    else el.appendChild(document.createTextNode(String(child)));
  }
}

/** Replaces the children of el (arrays flattened, null/false left out: unlike el.replaceChildren). */
export function fill(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

export function $(selector, root = document) {
  return root.querySelector(selector);
}

/** Replaces the children of el; moves focus to the first heading so screen readers announce the new screen. */
export function show(el, ...children) {
  el.replaceChildren();
  append(el, children);
  const heading = el.querySelector('h1, h2');
  if (heading) {
    heading.setAttribute('tabindex', '-1');
    heading.focus({ preventScroll: true });
  }
  window.scrollTo(0, 0);
}
