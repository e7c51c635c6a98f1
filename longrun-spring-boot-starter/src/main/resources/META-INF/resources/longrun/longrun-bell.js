// <longrun-bell>: the notification bell — how many of the person's jobs finished or need them since they
// last looked, and a short inbox of those jobs with links to their results. Also holds the opt-in
// completion sound. Read state is kept in this browser (localStorage).

import { hub, listJobs } from './longrun-client.js';
import { ensureStyles, fill, h, show, text } from './longrun-dom.js';
import { SOUND_KEY } from './longrun-toasts.js';
import { ago, isTerminal, outcome, typeLabel } from './longrun-words.js';

/** @typedef {import('./longrun-client.js').Job} Job */

const READ_KEY = 'longrun:bell-read-at';

export class LongrunBell extends HTMLElement {
  /** @param {string} [tag] @param {CustomElementRegistry} [registry] */
  static define(tag = 'longrun-bell', registry = customElements) {
    if (!registry.get(tag)) registry.define(tag, this);
    return this;
  }

  constructor() {
    super();
    /** @type {Job[]} */
    this.items = [];
    /** @type {(() => void)|null} */
    this.stop = null;
    /** @type {ReturnType<typeof setTimeout>|null} */
    this.timer = null;
  }

  connectedCallback() {
    ensureStyles();
    const count = h('span', { class: 'lr-bell-count', 'aria-hidden': 'true' });
    const button = h('button', { type: 'button', class: 'lr-button lr-bell-button', 'aria-expanded': 'false', 'aria-controls': 'lr-bell-panel' },
      bellIcon(), count);
    const list = h('ul', { class: 'lr-bell-list' });
    const sound = /** @type {HTMLInputElement} */ (h('input', { type: 'checkbox' }));
    sound.checked = localStorage.getItem(SOUND_KEY) === 'on';
    sound.addEventListener('change', () => localStorage.setItem(SOUND_KEY, sound.checked ? 'on' : 'off'));
    const panel = h('div', { class: 'lr-bell-panel', id: 'lr-bell-panel', hidden: true },
      h('div', { class: 'lr-bell-head' }, h('h2', {}, 'Notifications'),
        h('button', { type: 'button', class: 'lr-button lr-small', onclick: () => this.markRead() }, 'Mark all as read')),
      list,
      h('label', { class: 'lr-field lr-sound' }, sound, ' Play a sound when a job finishes'));
    button.addEventListener('click', () => this.toggle());
    this.addEventListener('keydown', e => { if (e.key === 'Escape' && !panel.hidden) { this.toggle(false); button.focus(); } });
    this.parts = { button, count, list, panel };
    fill(this, button, panel);
    this.load();
    this.stop = hub.onAnyJob((job, previous) => {
      if ((isTerminal(job.status) || job.status === 'needs_action') && job.status !== 'cancelled' && previous?.status !== job.status) this.soon();
    });
  }

  disconnectedCallback() {
    this.stop?.();
    if (this.timer) clearTimeout(this.timer);
  }

  soon() {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.load(), 300);
  }

  async load() {
    try {
      // What a person wants to hear about: results, failures, and jobs waiting for them — not their own cancels.
      const page = await listJobs({ status: 'needs_action,succeeded,failed', limit: 10 });
      this.items = page.jobs.sort((a, b) => at(b) - at(a));
    } catch {
      return; // the bell stays as it was; the jobs page shows the error
    }
    this.render();
  }

  get readAt() {
    return Number(localStorage.getItem(READ_KEY) || 0);
  }

  render() {
    const p = this.parts;
    const unread = this.items.filter(j => at(j) > this.readAt);
    text(p.count, unread.length ? String(unread.length) : '');
    show(p.count, unread.length > 0);
    p.button.setAttribute('aria-label', unread.length ? `Notifications, ${unread.length} unread` : 'Notifications, none unread');
    const href = this.getAttribute('detail-href') || 'job.html?id={id}';
    fill(p.list, ...(this.items.length ? this.items.map(j => h('li', { class: at(j) > this.readAt ? 'lr-unread' : '' },
      h('a', { href: href.replace('{id}', encodeURIComponent(j.id)) }, `${typeLabel(j)}: ${j.status_label}`),
      h('span', { class: 'lr-bell-detail' }, ` — ${j.status === 'failed' ? j.error_message || 'Failed' : j.status === 'needs_action' ? j.action?.message || 'Needs your decision' : j.status === 'succeeded' ? outcome(j) : 'Cancelled'}`),
      h('span', { class: 'lr-bell-age' }, ` · ${ago(j.completed_at || j.updated_at)}`)))
      : [h('li', {}, 'Nothing yet. Finished jobs show up here.')]));
  }

  /** @param {boolean} [open] */
  toggle(open) {
    const p = this.parts;
    const next = open ?? p.panel.hidden;
    show(p.panel, next);
    p.button.setAttribute('aria-expanded', String(next));
    if (next) this.load();
  }

  markRead() {
    localStorage.setItem(READ_KEY, String(Date.now()));
    this.render();
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

/** @param {Job} j */
function at(j) {
  return Date.parse(j.completed_at || j.updated_at || j.created_at);
}
