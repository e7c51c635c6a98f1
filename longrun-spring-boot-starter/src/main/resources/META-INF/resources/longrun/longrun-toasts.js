// <longrun-toasts>: a short message when one of the person's jobs finishes or needs them, on whichever
// page of the app they are (every job arrives on the shared event stream), with an opt-in sound.
// Put one in the page layout; the dashboard does.

import { getJob, hub } from './longrun-client.js';
import { ensureStyles, h } from './longrun-dom.js';
import { bytes, count, isPartial, isTerminal, outcome, typeLabel, typeWords } from './longrun-words.js';

/** @typedef {import('./longrun-client.js').Job} Job */

const TOASTED = 'longrun:toasted';
const ACTIVE = 'longrun:active';
export const SOUND_KEY = 'longrun:sound';
const SHOWN_MS = 10000;

/** Events: `longrun-toast` (detail: {job}) for each toast shown. */
export class LongrunToasts extends HTMLElement {
  /** @param {string} [tag] @param {CustomElementRegistry} [registry] */
  static define(tag = 'longrun-toasts', registry = customElements) {
    if (!registry.get(tag)) registry.define(tag, this);
    return this;
  }

  constructor() {
    super();
    /** @type {(() => void)|null} */
    this.stop = null;
  }

  connectedCallback() {
    ensureStyles();
    this.classList.add('lr-toasts');
    this.setAttribute('role', 'region');
    this.setAttribute('aria-label', 'Job notifications');
    this.setAttribute('aria-live', 'polite');
    this.stop = hub.onAnyJob((job, previous) => this.onJob(job, previous));
    this.catchUp();
  }

  disconnectedCallback() {
    this.stop?.();
  }

  /** Jobs that were running when the person left the last page and finished in between. */
  async catchUp() {
    for (const id of Object.keys(readSet(ACTIVE))) {
      try {
        const job = await getJob(id);
        hub.publish(job);
        if (isTerminal(job.status)) this.onJob(job, undefined);
      } catch {
        forget(ACTIVE, id);
      }
    }
  }

  /** @param {Job} job @param {Job|undefined} previous */
  onJob(job, previous) {
    if (!isTerminal(job.status) && job.status !== 'needs_action') {
      remember(ACTIVE, job.id);
      return;
    }
    const wasActive = (previous && !isTerminal(previous.status) && previous.status !== job.status) || readSet(ACTIVE)[job.id];
    forget(ACTIVE, job.id);
    // A cancel is the person's own doing and its screen already says so; a toast would only repeat it.
    if (job.status === 'cancelled') return;
    const key = `${job.id}:${job.status}`;
    if (!wasActive || readSet(TOASTED)[key]) return;
    remember(TOASTED, key);
    // The page already shows this job in full: its panel says it, a toast would only cover it.
    if (document.querySelector(`longrun-job[mode="expanded"][job-id="${CSS.escape(job.id)}"]`)) return;
    this.show(job);
  }

  /** @param {Job} job */
  show(job) {
    const w = typeWords(job);
    const ok = job.status === 'succeeded';
    const title = ok ? `✓ ${w.done}${isPartial(job) ? ' (some failed)' : ''}`
      : job.status === 'failed' ? `✕ ${typeLabel(job)} failed`
      : job.status === 'needs_action' ? `● ${typeLabel(job)} needs your decision`
      : `${typeLabel(job)} cancelled`;
    const file = job.result?.filename
      ? `${job.result.filename}${job.result.row_count != null ? ` · ${count(job.result.row_count, 'row')}` : ''}${job.result.size_bytes != null ? ` · ${bytes(job.result.size_bytes)}` : ''}`
      : null;
    const detail = job.status === 'failed' ? job.error_message || 'It stopped before it finished.'
      : job.status === 'needs_action' ? job.action?.message || 'It is waiting for you.'
      : ok ? file || outcome(job) : 'It stopped before it finished.';
    const href = (this.getAttribute('detail-href') || 'job.html?id={id}').replace('{id}', encodeURIComponent(job.id));
    const toast = h('div', { class: `lr-toast lr-toast-${job.status}`, role: 'status' },
      h('p', { class: 'lr-toast-title' }, title),
      h('p', { class: 'lr-toast-detail' }, detail),
      h('div', { class: 'lr-actions' },
        ok && job.result?.url ? h('a', { class: 'lr-button lr-primary lr-small', href: job.result.url, download: job.result.filename || true }, 'Download') : null,
        h('a', { class: 'lr-button lr-small', href }, 'View'),
        h('button', { type: 'button', class: 'lr-button lr-small', onclick: () => toast.remove() }, 'Dismiss')));
    this.append(toast);
    while (this.children.length > 3) this.firstElementChild?.remove();
    // Stays while hovered or focused, so nobody loses a toast they are reading or tabbing through.
    const timer = () => setTimeout(() => { if (!toast.matches(':hover, :focus-within')) toast.remove(); else timer(); }, SHOWN_MS);
    timer();
    if (localStorage.getItem(SOUND_KEY) === 'on') chime(ok);
    this.dispatchEvent(new CustomEvent('longrun-toast', { detail: { job }, bubbles: true, composed: true }));
  }
}

/** Two soft notes, higher when it went well. @param {boolean} ok */
function chime(ok) {
  try {
    const ctx = new AudioContext();
    const notes = ok ? [660, 880] : [440, 330];
    notes.forEach((f, i) => {
      const o = ctx.createOscillator();
      const g = ctx.createGain();
      o.frequency.value = f;
      g.gain.setValueAtTime(0.08, ctx.currentTime + i * 0.15);
      g.gain.exponentialRampToValueAtTime(0.001, ctx.currentTime + i * 0.15 + 0.3);
      o.connect(g).connect(ctx.destination);
      o.start(ctx.currentTime + i * 0.15);
      o.stop(ctx.currentTime + i * 0.15 + 0.3);
    });
  } catch { /* no audio: the toast says it anyway */ }
}

/** @param {string} k @returns {Record<string, number>} */
function readSet(k) {
  try { return JSON.parse(sessionStorage.getItem(k) || '{}'); } catch { return {}; }
}

/** @param {string} k @param {string} id */
function remember(k, id) {
  const s = readSet(k);
  if (s[id]) return;
  s[id] = Date.now();
  // Bounded: the oldest entries go first.
  const entries = Object.entries(s).sort((a, b) => b[1] - a[1]).slice(0, 200);
  try { sessionStorage.setItem(k, JSON.stringify(Object.fromEntries(entries))); } catch { /* storage full or off */ }
}

/** @param {string} k @param {string} id */
function forget(k, id) {
  const s = readSet(k);
  if (!s[id]) return;
  delete s[id];
  try { sessionStorage.setItem(k, JSON.stringify(s)); } catch { /* storage off */ }
}
