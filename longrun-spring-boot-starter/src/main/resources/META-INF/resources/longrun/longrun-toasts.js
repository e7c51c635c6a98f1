// <longrun-toasts>: a short message when the server notifies the person (a job of theirs finished, failed or
// needs them), on whichever page of the app they are: the `notification` event of the shared stream, and on
// each page load the unread notifications that arrived while they moved between pages. Opt-in sound.
// Put one in the page layout; the dashboard does. The server sends no notification for the person's own cancel.
// One toast per job, replaced by the job's next notification; at most two on screen; none while the person is
// typing in a form (they wait until focus leaves it, the bell counts them meanwhile); a "needs your action"
// toast goes away as soon as the job moves on.

import { hub, listNotifications } from './longrun-client.js';
import { ensureStyles, h } from './longrun-dom.js';
import { icon } from './longrun-icons.js';

/** @typedef {import('./longrun-client.js').Notification} Notification */

/** The newest notification id in the inbox when this tab first looked: those up to it are in the bell, never toasted. */
const FLOOR = 'longrun:toasted-up-to';
/**
 * The ids this tab has dealt with since (toasted, held or passed over), the newest {@link HANDLED_KEPT}. A set, not a
 * high-water mark: jobs finishing at once on several workers send their notifications in no particular id order, and
 * a mark would drop every one that arrives after a higher id.
 */
const HANDLED = 'longrun:toasted';
/** More than a first look can return (10), so a look never meets an id that fell out of the set. */
const HANDLED_KEPT = 100;
export const SOUND_KEY = 'longrun:sound';
const SHOWN_MS = 10000;
const MAX_VISIBLE = 2;
/** The SVG mark of each kind of news (longrun-icons.js), the same on every system. */
const MARKS = { succeeded: 'succeeded', failed: 'failed', needs_action: 'decision', cancelled: 'cancelled' };

/** Events: `longrun-toast` (detail: {notification}) for each toast shown. */
export class LongrunToasts extends HTMLElement {
  /** @param {string} [tag] @param {CustomElementRegistry} [registry] */
  static define(tag = 'longrun-toasts', registry = customElements) {
    if (!registry.get(tag)) registry.define(tag, this);
    return this;
  }

  constructor() {
    super();
    /** @type {(() => void)[]} */
    this.stops = [];
    /** Toasts held back while the person types in a form, newest last. @type {Notification[]} */
    this.held = [];
  }

  connectedCallback() {
    ensureStyles();
    this.classList.add('lr-toasts');
    this.setAttribute('role', 'region');
    this.setAttribute('aria-label', 'Job notifications');
    this.setAttribute('aria-live', 'polite');
    this.stops.push(hub.onNotification(n => this.onNotification(n)));
    this.stops.push(hub.onAnyJob(job => this.onJob(job)));
    const release = () => setTimeout(() => this.release(), 0);
    document.addEventListener('focusout', release);
    this.stops.push(() => document.removeEventListener('focusout', release));
    this.catchUp();
    // News that came after that first look and before the stream opened (or while it was down) reached neither:
    // look again each time the stream goes live (onNotification shows each notification once).
    this.stops.push(hub.onLive(() => this.catchUp()));
    // Signed out (hub.stop()): that user's toasts go, and the next user's first look only notes where their inbox is.
    this.stops.push(hub.onConnection(c => { if (c === 'stopped') this.forget(); }));
  }

  forget() {
    this.held = [];
    this.replaceChildren();
    try { sessionStorage.removeItem(FLOOR); sessionStorage.removeItem(HANDLED); } catch { /* storage off: nothing kept */ }
  }

  disconnectedCallback() {
    for (const stop of this.stops.splice(0)) stop();
  }

  /** A toast asking for action is over once the job is no longer waiting for it. @param {import('./longrun-client.js').Job} job */
  onJob(job) {
    for (const toast of this.querySelectorAll(`.lr-toast-needs_action[data-job-id="${CSS.escape(job.id)}"]`)) {
      if (job.status !== 'needs_action') toast.remove();
    }
    this.held = this.held.filter(n => !(n.job_id === job.id && n.kind === 'needs_action' && job.status !== 'needs_action'));
  }

  /** True while focus is in a form field: a toast would cover what the person is typing. */
  typing() {
    const el = document.activeElement;
    return !!el && !this.contains(el) && (!!el.closest('form') || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));
  }

  /** Shows what was held back once the person left the form. */
  release() {
    if (this.typing() || !this.held.length) return;
    const held = this.held.splice(0);
    held.forEach(n => this.show(n));
  }

  /**
   * Unread notifications this tab has not dealt with: they came while the person changed pages. The first page of
   * a tab only notes where the inbox stands; what came before is in the bell.
   */
  async catchUp() {
    if (hub.stopped) return;
    const epoch = hub.epoch;
    let page;
    try {
      page = await listNotifications({ limit: 10 });
    } catch {
      return; // the bell and the pages show the connection trouble
    }
    if (epoch !== hub.epoch) return; // signed out meanwhile: that was the previous user's inbox
    if (floor() == null) { setFloor(Math.max(0, ...page.notifications.map(n => n.id))); return; }
    page.notifications.filter(n => !n.read).reverse().forEach(n => this.onNotification(n));
  }

  /** @param {Notification} n */
  onNotification(n) {
    if (!n || typeof n.id !== 'number') return;
    const below = floor();
    if ((below != null && n.id <= below) || handled().includes(n.id)) return;
    markHandled(n.id);
    // Read already (the person chose email only for this type) or cancelled by themselves: nothing to announce.
    if (n.read) return;
    // The page already shows this job in full: its panel says it, a toast would only cover it.
    if (n.job_id && document.querySelector(`longrun-job[mode="expanded"][job-id="${CSS.escape(n.job_id)}"]`)) return;
    if (this.typing()) {
      this.held = [...this.held.filter(x => x.job_id !== n.job_id), n].slice(-MAX_VISIBLE);
      return;
    }
    this.show(n);
  }

  /** @param {Notification} n */
  show(n) {
    const job = n.job_id ? hub.latest.get(n.job_id) : undefined;
    const ok = n.kind === 'succeeded';
    const pattern = this.getAttribute('detail-href'); // no detail-href, no "View": a host may have no page per job
    const href = pattern ? pattern.replace('{id}', encodeURIComponent(n.job_id)) : null;
    const toast = h('div', { class: `lr-toast lr-toast-${n.kind}`, role: 'status', 'data-notification-id': String(n.id), 'data-job-id': n.job_id || '' },
      h('p', { class: 'lr-toast-title' }, h('span', { class: 'lr-toast-mark' }, icon(MARKS[/** @type {keyof MARKS} */ (n.kind)] || 'step')), n.title || 'A job finished'),
      n.body ? h('p', { class: 'lr-toast-detail' }, n.body) : null,
      h('div', { class: 'lr-actions' },
        ok && job?.result?.url ? h('a', { class: 'lr-button lr-primary lr-small', href: job.result.url, download: job.result.filename || true }, 'Download') : null,
        href ? h('a', { class: 'lr-button lr-small', href }, 'View') : null,
        h('button', { type: 'button', class: 'lr-button lr-small', onclick: () => toast.remove() }, 'Dismiss')));
    // One toast per job: its newer news replaces the older.
    if (n.job_id) for (const old of this.querySelectorAll(`.lr-toast[data-job-id="${CSS.escape(n.job_id)}"]`)) old.remove();
    this.append(toast);
    while (this.children.length > MAX_VISIBLE) this.firstElementChild?.remove();
    // Stays while hovered or focused, so nobody loses a toast they are reading or tabbing through.
    const timer = () => setTimeout(() => { if (!toast.matches(':hover, :focus-within')) toast.remove(); else timer(); }, SHOWN_MS);
    timer();
    if (localStorage.getItem(SOUND_KEY) === 'on') chime(ok);
    this.dispatchEvent(new CustomEvent('longrun-toast', { detail: { notification: n }, bubbles: true, composed: true }));
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

/** @returns {number|null} */
function floor() {
  try {
    const v = sessionStorage.getItem(FLOOR);
    return v == null ? null : Number(v);
  } catch { return null; }
}

/** @param {number} id */
function setFloor(id) {
  try { sessionStorage.setItem(FLOOR, String(id)); } catch { /* storage off: only live toasts */ }
}

/** @returns {number[]} */
function handled() {
  try {
    const ids = JSON.parse(sessionStorage.getItem(HANDLED) || '[]');
    return Array.isArray(ids) ? ids : [];
  } catch { return []; }
}

/** @param {number} id */
function markHandled(id) {
  try {
    const ids = [...handled(), id].sort((a, b) => b - a).slice(0, HANDLED_KEPT);
    sessionStorage.setItem(HANDLED, JSON.stringify(ids));
  } catch { /* storage off: a notification may come twice, and its job's toast is replaced by itself */ }
}
