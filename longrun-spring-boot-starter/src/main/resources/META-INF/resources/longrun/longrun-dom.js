// Small DOM helpers shared by the longrun-* elements: build nodes without innerHTML (job data is never
// parsed as markup), load the shared stylesheet once, and fire events the way every element does.

/**
 * `h('button', {class: 'lr-button', onclick}, 'Cancel')`. Attributes with false/null/undefined are left out.
 * @param {string} tag @param {Record<string, any>} [attrs] @param {...(Node|string|null|undefined|false)} children
 * @returns {HTMLElement}
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === false || v == null) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'text') el.textContent = v;
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(c);
  return el;
}

/** Replaces an element's children. @param {Element} el @param {...(Node|string|null|undefined|false)} children */
export function fill(el, ...children) {
  el.replaceChildren(...children.filter(c => c !== null && c !== undefined && c !== false).map(c => /** @type {Node|string} */ (c)));
}

/** Sets text only when it changed, so screen readers and selection are not disturbed. @param {Element} el @param {string} text */
export function text(el, text) {
  if (el.textContent !== text) el.textContent = text;
}

/** Shows or hides. @param {HTMLElement} el @param {boolean} visible */
export function show(el, visible) {
  if (el.hidden === visible) el.hidden = !visible;
}

/**
 * A CustomEvent that bubbles out of shadow roots too, as host pages listen on ancestors.
 * @param {Element} el @param {string} name @param {any} [detail] @param {boolean} [cancelable]
 * @returns {boolean} false when a listener called preventDefault()
 */
export function fire(el, name, detail, cancelable = false) {
  return el.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable }));
}

let styled = false;
/** Adds longrun.css to the document once, unless the page already links it. */
export function ensureStyles() {
  if (styled) return;
  styled = true;
  if (document.querySelector('link[data-longrun-styles]')) return;
  document.head.append(h('link', { rel: 'stylesheet', href: new URL('./longrun.css', import.meta.url).href, 'data-longrun-styles': true }));
}

/** A screen-reader-only live region. @param {'polite'|'assertive'} [politeness] */
export function liveRegion(politeness = 'polite') {
  return h('div', { class: 'lr-visually-hidden', 'aria-live': politeness, role: 'status' });
}

/**
 * A modal question with the real effect spelled out; the safe choice has focus, Escape keeps things as they are.
 * @param {HTMLDialogElement} dialog @param {{title: string, body: string, yes: string, no: string, onYes: () => void}} q
 */
export function confirmDialog(dialog, { title, body, yes, no, onYes }) {
  const keep = h('button', { type: 'button', class: 'lr-button', onclick: () => dialog.close() }, no);
  fill(dialog, h('h3', { class: 'lr-dialog-title' }, title), h('p', {}, body),
    h('div', { class: 'lr-actions' }, keep,
      h('button', { type: 'button', class: 'lr-button lr-danger', onclick: () => { dialog.close(); onYes(); } }, yes)));
  dialog.setAttribute('aria-label', title);
  dialog.showModal();
  keep.focus();
}
