// <longrun-bell>: the notification bell — the unread count of the person's inbox on the server, and the inbox
// itself (what finished, failed or waits for them, each linking to its job). Read state lives on the server, so
// it holds across reloads, tabs and devices. Also holds the opt-in completion sound.

import { hub, listNotifications, markAllNotificationsRead, markNotificationRead } from './longrun-client.js';
import { ensureStyles, fill, h, show, text } from './longrun-dom.js';
import { SOUND_KEY } from './longrun-toasts.js';
import { ago, isTerminal } from './longrun-words.js';

/** @typedef {import('./longrun-client.js').Notification} Notification */

const PAGE = 10;
/** Tells the page's other tabs that read state changed, so their bells do not show a stale count. */
const CHANNEL = 'longrun:notifications';

/** Events: `longrun-bell-loaded` (detail: {unread}) after each load. */
export class LongrunBell extends HTMLElement {
  /** @param {string} [tag] @param {CustomElementRegistry} [registry] */
  static define(tag = 'longrun-bell', registry = customElements) {
    if (!registry.get(tag)) registry.define(tag, this);
    return this;
  }

  constructor() {
    super();
    /** @type {Notification[]} */
    this.items = [];
    this.unread = 0;
    /** @type {number|null} */
    this.nextBefore = null;
    /** @type {(() => void)[]} */
    this.stops = [];
    /** @type {ReturnType<typeof setTimeout>|null} */
    this.timer = null;
    /** @type {BroadcastChannel|null} */
    this.channel = null;
    this.loadSeq = 0;
  }

  connectedCallback() {
    ensureStyles();
    const count = h('span', { class: 'lr-bell-count', 'aria-hidden': 'true' });
    const button = h('button', { type: 'button', class: 'lr-button lr-bell-button', 'aria-expanded': 'false', 'aria-controls': 'lr-bell-panel' },
      bellIcon(), count);
    const list = h('ul', { class: 'lr-bell-list' });
    const readAll = h('button', { type: 'button', class: 'lr-button lr-small', onclick: () => this.markAllRead() }, 'Mark all as read');
    const more = h('button', { type: 'button', class: 'lr-button lr-small lr-bell-more', onclick: () => this.loadOlder() }, 'Show older');
    const note = h('p', { class: 'lr-bell-note', role: 'status' });
    const sound = /** @type {HTMLInputElement} */ (h('input', { type: 'checkbox' }));
    sound.checked = localStorage.getItem(SOUND_KEY) === 'on';
    sound.addEventListener('change', () => localStorage.setItem(SOUND_KEY, sound.checked ? 'on' : 'off'));
    const panel = h('div', { class: 'lr-bell-panel', id: 'lr-bell-panel', hidden: true },
      h('div', { class: 'lr-bell-head' }, h('h2', {}, 'Notifications'), readAll),
      note, list, more,
      h('label', { class: 'lr-field lr-sound' }, sound, ' Play a sound when a job finishes'));
    button.addEventListener('click', () => this.toggle());
    this.addEventListener('keydown', e => { if (e.key === 'Escape' && !panel.hidden) { this.toggle(false); button.focus(); } });
    this.parts = { button, count, list, panel, readAll, more, note };
    fill(this, button, panel);
    this.load();
    this.stops.push(hub.onNotification(() => this.soon()));
    // A notification made after the first load and before the stream opened (or while it was down) sent no event:
    // count again each time the stream goes live.
    this.stops.push(hub.onLive(() => this.soon()));
    // Signed out (hub.stop()): the inbox was the previous user's; the next configure() loads the next one's.
    this.stops.push(hub.onConnection(c => { if (c === 'stopped') this.forget(); }));
    const configured = () => this.soon();
    window.addEventListener('longrun:configured', configured);
    this.stops.push(() => window.removeEventListener('longrun:configured', configured));
    // Without the event stream, a job's own change still says a notification is likely waiting.
    this.stops.push(hub.onAnyJob((job, previous) => {
      if ((isTerminal(job.status) || job.status === 'needs_action') && previous && previous.status !== job.status) this.soon(600);
    }));
    const onVisible = () => { if (document.visibilityState === 'visible') this.soon(); };
    document.addEventListener('visibilitychange', onVisible);
    this.stops.push(() => document.removeEventListener('visibilitychange', onVisible));
    if (typeof BroadcastChannel !== 'undefined') {
      this.channel = new BroadcastChannel(CHANNEL);
      this.channel.onmessage = () => this.soon();
    }
  }

  disconnectedCallback() {
    for (const stop of this.stops.splice(0)) stop();
    this.channel?.close();
    this.channel = null;
    if (this.timer) clearTimeout(this.timer);
  }

  /** @param {number} [ms] */
  soon(ms = 150) {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.load(), ms);
  }

  /** No timer, no load on its way and nothing shown of the signed-out user's inbox. */
  forget() {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.loadSeq++;
    this.items = [];
    this.unread = 0;
    this.nextBefore = null;
    this.render();
  }

  /** The newest page of the inbox and the unread count, as the server has them. */
  async load() {
    // Stopped (signed out): a tab switch or another tab's message must not ask with the old session.
    if (hub.stopped) return;
    const seq = ++this.loadSeq;
    try {
      const page = await listNotifications({ limit: Math.max(PAGE, this.items.length) });
      if (seq !== this.loadSeq) return;
      this.items = page.notifications;
      this.unread = page.unread;
      this.nextBefore = page.next_before;
      text(this.parts.note, '');
    } catch {
      return; // the bell stays as it was; the jobs page shows connection trouble
    }
    this.render();
    this.dispatchEvent(new CustomEvent('longrun-bell-loaded', { detail: { unread: this.unread }, bubbles: true }));
  }

  async loadOlder() {
    if (this.nextBefore == null) return;
    const epoch = hub.epoch;
    try {
      const page = await listNotifications({ before: this.nextBefore, limit: PAGE });
      if (epoch !== hub.epoch) return;
      const known = new Set(this.items.map(n => n.id));
      this.items.push(...page.notifications.filter(n => !known.has(n.id)));
      this.unread = page.unread;
      this.nextBefore = page.next_before;
    } catch (e) {
      text(this.parts.note, /** @type {Error} */ (e).message);
      return;
    }
    this.render();
  }

  render() {
    const p = this.parts;
    text(p.count, this.unread ? (this.unread > 99 ? '99+' : String(this.unread)) : '');
    show(p.count, this.unread > 0);
    p.button.setAttribute('aria-label', this.unread ? `Notifications, ${this.unread} unread` : 'Notifications, none unread');
    /** @type {HTMLButtonElement} */ (p.readAll).disabled = this.unread === 0;
    show(p.more, this.nextBefore != null);
    fill(p.list, ...(this.items.length ? this.items.map(n => this.item(n))
      : [h('li', { class: 'lr-bell-empty' }, 'Nothing yet. Finished jobs show up here.')]));
  }

  /** @param {Notification} n */
  item(n) {
    // No detail-href, no link: a host application may have no page per job.
    const pattern = this.getAttribute('detail-href');
    const href = pattern ? pattern.replace('{id}', encodeURIComponent(n.job_id)) : null;
    return h('li', { class: `lr-bell-item lr-bell-${n.kind}${n.read ? '' : ' lr-unread'}`, 'data-notification-id': String(n.id) },
      h(href ? 'a' : 'span', { class: 'lr-bell-title', href, onclick: href ? (/** @type {MouseEvent} */ e) => this.follow(e, n, href) : null },
        n.read ? null : h('span', { class: 'lr-visually-hidden' }, 'Unread: '), n.title || 'A job finished'),
      n.body ? h('p', { class: 'lr-bell-body' }, n.body) : null,
      h('p', { class: 'lr-bell-meta' }, h('span', { class: 'lr-bell-age' }, ago(n.created_at)),
        n.read ? null : h('button', { type: 'button', class: 'lr-link-button', onclick: () => this.markRead(n) }, 'Mark as read')));
  }

  /** Opening a notification reads it: marked on the server first, then the job page opens. @param {MouseEvent} e @param {Notification} n @param {string} href */
  async follow(e, n, href) {
    if (n.read) return;
    if (e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) { this.markRead(n); return; } // a new tab: this page stays
    e.preventDefault();
    await this.markRead(n);
    location.assign(href);
  }

  /** @param {Notification} n */
  async markRead(n) {
    try {
      const updated = await markNotificationRead(n.id);
      Object.assign(n, updated);
      this.unread = Math.max(0, this.unread - 1);
      this.render();
      this.channel?.postMessage('read');
      this.soon();
    } catch (e) {
      text(this.parts.note, /** @type {Error} */ (e).message);
    }
  }

  async markAllRead() {
    try {
      const r = await markAllNotificationsRead();
      this.unread = r.unread;
      for (const n of this.items) n.read = true;
      this.render();
      this.channel?.postMessage('read');
      this.soon();
    } catch (e) {
      text(this.parts.note, /** @type {Error} */ (e).message);
    }
  }

  /** @param {boolean} [open] */
  toggle(open) {
    const p = this.parts;
    const next = open ?? p.panel.hidden;
    // Where the phone layout puts the panel: just under the button, wherever the host page has it.
    if (next) p.panel.style.setProperty('--lr-bell-top', `${Math.round(p.button.getBoundingClientRect().bottom + 6)}px`);
    show(p.panel, next);
    p.button.setAttribute('aria-expanded', String(next));
    if (next) this.load();
  }
}

/** A bell drawn in SVG: emoji fonts are not everywhere. */
function bellIcon() {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('width', '20');
  svg.setAttribute('height', '20');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('class', 'lr-bell-icon');
  const path = document.createElementNS('http://www.w3.org/2000/svg', 'path');
  path.setAttribute('d', 'M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2z');
  path.setAttribute('fill', 'currentColor');
  svg.append(path);
  return svg;
}
