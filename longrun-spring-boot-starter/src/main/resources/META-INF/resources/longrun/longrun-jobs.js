// <longrun-jobs status="…" type="…" limit="20">: all of a person's jobs at a glance — running and waiting
// first, then finished — each a compact <longrun-job> row, with filters, bulk actions and older pages.
// The dashboard's jobs page; host applications can embed it as a jobs panel.

import { LongrunError, downloadResultsZip, hub, jobTypes, listJobs, request } from './longrun-client.js';
import { confirmDialog, ensureStyles, fill, fire, h, show, text } from './longrun-dom.js';
import { LongrunJob } from './longrun-job.js';
import { LABELS, count, isTerminal } from './longrun-words.js';

/** @typedef {import('./longrun-client.js').Job} Job */

/** The status filter that also lists the jobs cleared from the list. */
const HISTORY = 'history';

/** Events: `longrun-jobs-loaded` (detail: {count}) after each (re)load. */
export class LongrunJobs extends HTMLElement {
  static observedAttributes = ['status', 'type', 'limit'];

  /** @param {string} [tag] @param {CustomElementRegistry} [registry] */
  static define(tag = 'longrun-jobs', registry = customElements) {
    LongrunJob.define(undefined, registry);
    if (!registry.get(tag)) registry.define(tag, this);
    return this;
  }

  constructor() {
    super();
    /** @type {Job[]} */
    this.jobs = [];
    /** @type {string|null} */
    this.cursor = null;
    /** @type {Set<string>} */
    this.selected = new Set();
    /** @type {(() => void)[]} */
    this.stops = [];
    /** @type {ReturnType<typeof setTimeout>|null} */
    this.reloadTimer = null;
    /** @type {ReturnType<typeof setInterval>|null} */
    this.pollTimer = null;
    this.built = false;
    this.loadSeq = 0;
    /** Whether the note says the list could not be loaded (cleared by the next load that works). */
    this.loadFailed = false;
  }

  get limit() { return Math.min(100, Math.max(1, Number(this.getAttribute('limit')) || 20)); }

  connectedCallback() {
    ensureStyles();
    this.build();
    this.reload();
    this.stops.push(hub.onAnyJob((job, previous) => this.onJob(job, previous)));
    // A token handed over after this element connected (configure()): load again with it.
    const configured = () => this.reload();
    window.addEventListener('longrun:configured', configured);
    this.stops.push(() => window.removeEventListener('longrun:configured', configured));
    // The stream came back after more changes than it replays: rows may be missing or stale.
    this.stops.push(hub.onResync(() => this.reload()));
    this.stops.push(hub.onConnection(c => {
      // Without the live stream, look again every 10 s so new and finished jobs still show up.
      if (this.pollTimer) clearInterval(this.pollTimer);
      this.pollTimer = c === 'live' ? null : setInterval(() => this.reload(), 10000);
    }));
  }

  disconnectedCallback() {
    for (const stop of this.stops.splice(0)) stop();
    if (this.pollTimer) clearInterval(this.pollTimer);
    if (this.reloadTimer) clearTimeout(this.reloadTimer);
  }

  attributeChangedCallback() {
    if (!this.built) return;
    this.syncFilters();
    this.reload();
  }

  build() {
    if (this.built) return;
    this.built = true;
    const typeSelect = h('select', { class: 'lr-select', name: 'type' }, h('option', { value: '' }, 'All types'));
    const statusSelect = h('select', { class: 'lr-select', name: 'status' }, h('option', { value: '' }, 'All statuses'),
      h('option', { value: 'pending,running,needs_action' }, 'Not finished'),
      ...Object.entries(LABELS).map(([value, label]) => h('option', { value }, label)),
      h('option', { value: HISTORY }, 'History (with cleared jobs)'));
    typeSelect.addEventListener('change', () => this.setFilter('type', /** @type {HTMLSelectElement} */ (typeSelect).value));
    statusSelect.addEventListener('change', () => this.setFilter('status', /** @type {HTMLSelectElement} */ (statusSelect).value));
    jobTypes().then(types => {
      for (const t of Object.values(types)) typeSelect.append(h('option', { value: t.name }, t.label || t.name));
      this.syncFilters();
    });
    const p = {
      typeSelect, statusSelect,
      cancelAll: h('button', { type: 'button', class: 'lr-button', onclick: () => this.cancelAll() }, 'Cancel all running'),
      clear: h('button', { type: 'button', class: 'lr-button', onclick: () => this.clearFinished() }, 'Clear finished'),
      download: h('button', { type: 'button', class: 'lr-button', onclick: () => this.downloadSelected() }, 'Download selected results'),
      note: h('p', { class: 'lr-jobs-note', role: 'status' }),
      active: h('ul', { class: 'lr-jobs-list', 'aria-label': 'Running and waiting' }),
      recent: h('ul', { class: 'lr-jobs-list', 'aria-label': 'Finished' }),
      activeTitle: h('h2', { class: 'lr-jobs-group' }, 'Running and waiting'),
      recentTitle: h('h2', { class: 'lr-jobs-group' }, 'Finished'),
      empty: h('p', { class: 'lr-empty' }),
      more: h('button', { type: 'button', class: 'lr-button', onclick: () => this.loadMore() }, 'Show older jobs'),
      dialog: h('dialog', { class: 'lr-dialog' }),
    };
    this.parts = p;
    fill(this, h('section', { class: 'lr-jobs' },
      h('div', { class: 'lr-jobs-toolbar' },
        h('label', { class: 'lr-field' }, 'Type ', typeSelect),
        h('label', { class: 'lr-field' }, 'Status ', statusSelect),
        h('div', { class: 'lr-bulk' }, p.cancelAll, p.clear, p.download)),
      p.note, p.activeTitle, p.active, p.recentTitle, p.recent, p.empty, p.more, p.dialog));
    this.syncFilters();
  }

  syncFilters() {
    const p = this.parts;
    /** @type {HTMLSelectElement} */ (p.typeSelect).value = this.getAttribute('type') || '';
    /** @type {HTMLSelectElement} */ (p.statusSelect).value = this.getAttribute('status') || '';
  }

  /** The attribute is the source of truth; the select only asks to change it. @param {string} name @param {string} value */
  setFilter(name, value) {
    if (value) this.setAttribute(name, value);
    else this.removeAttribute(name);
  }

  /** status="history" lists every job, also those cleared from the list (kept until retention). */
  filters() {
    const status = this.getAttribute('status') || undefined;
    return { status: status === HISTORY ? undefined : status, history: status === HISTORY,
      type: this.getAttribute('type') || undefined, limit: this.limit };
  }

  async reload() {
    const seq = ++this.loadSeq;
    try {
      const page = await listJobs(this.filters());
      if (seq !== this.loadSeq) return;
      this.jobs = page.jobs;
      this.cursor = page.next_cursor;
      this.render();
      if (this.loadFailed) this.say('');
      this.loadFailed = false;
      fire(this, 'longrun-jobs-loaded', { count: this.jobs.length });
    } catch (e) {
      if (seq !== this.loadSeq) return;
      this.say(e instanceof LongrunError ? e.message : 'The jobs could not be loaded. The page tries again shortly.');
      this.loadFailed = true;
    }
  }

  async loadMore() {
    if (!this.cursor) return;
    const page = await listJobs({ ...this.filters(), cursor: this.cursor });
    const known = new Set(this.jobs.map(j => j.id));
    this.jobs.push(...page.jobs.filter(j => !known.has(j.id)));
    this.cursor = page.next_cursor;
    this.render();
  }

  /** A change anywhere: rows update themselves; a job this list does not show yet means a reload. @param {Job} job @param {Job|undefined} previous */
  onJob(job, previous) {
    const shown = this.jobs.find(j => j.id === job.id);
    const moved = !!previous && previous.status !== job.status;
    const movedGroup = !!shown && isTerminal(shown.status) !== isTerminal(job.status);
    if (shown) Object.assign(shown, job);
    // Progress of a job this list does not show (filtered out) changes nothing here; a new job or a new
    // status may change which jobs belong in the list.
    const reload = shown ? movedGroup || (moved && !!this.getAttribute('status')) : !previous || moved;
    if (reload) {
      if (this.reloadTimer) clearTimeout(this.reloadTimer);
      this.reloadTimer = setTimeout(() => this.reload(), 300);
    } else {
      this.renderBulk();
    }
  }

  render() {
    const p = this.parts;
    const active = this.jobs.filter(j => !isTerminal(j.status));
    const done = this.jobs.filter(j => isTerminal(j.status));
    this.renderGroup(p.active, active);
    this.renderGroup(p.recent, done);
    show(p.activeTitle, active.length > 0);
    show(p.recentTitle, done.length > 0);
    show(p.empty, this.jobs.length === 0);
    text(p.empty, this.getAttribute('status') === HISTORY ? 'No jobs in your history.'
      : this.getAttribute('status') || this.getAttribute('type')
      ? 'No jobs match these filters.' : 'No jobs yet. Start one from the menu — it will show up here.');
    show(p.more, !!this.cursor);
    for (const id of [...this.selected]) if (!done.some(j => j.id === id && j.result?.url)) this.selected.delete(id);
    this.renderBulk();
  }

  /** Keeps existing rows (and their focus) and reorders; builds only new ones. @param {HTMLElement} list @param {Job[]} jobs */
  renderGroup(list, jobs) {
    /** @type {Map<string, Element>} */
    const rows = new Map([...this.querySelectorAll('li[data-job-id]')].map(li => [/** @type {HTMLElement} */ (li).dataset.jobId || '', li]));
    const wanted = jobs.map(job => rows.get(job.id) || this.row(job));
    for (const li of [...list.children]) if (!wanted.includes(li)) li.remove();
    wanted.forEach((li, i) => { if (list.children[i] !== li) list.insertBefore(li, list.children[i] || null); });
  }

  /** @param {Job} job */
  row(job) {
    const el = /** @type {LongrunJob} */ (document.createElement('longrun-job'));
    el.initialJob = job;
    el.setAttribute('job-id', job.id);
    el.setAttribute('mode', 'compact');
    if (this.hasAttribute('detail-href')) el.setAttribute('detail-href', /** @type {string} */ (this.getAttribute('detail-href')));
    const box = h('input', { type: 'checkbox', class: 'lr-select-box', 'aria-label': `Select the result of ${job.type_label || job.type}` });
    box.addEventListener('change', () => {
      if (/** @type {HTMLInputElement} */ (box).checked) this.selected.add(job.id); else this.selected.delete(job.id);
      this.renderBulk();
    });
    el.addEventListener('longrun-change', () => {
      const j = this.jobs.find(x => x.id === job.id) || el.job;
      show(box, !!j?.result?.url);
    });
    show(box, !!job.result?.url);
    return h('li', { class: 'lr-jobs-row', 'data-job-id': job.id }, h('span', { class: 'lr-select-cell' }, box), el);
  }

  renderBulk() {
    const p = this.parts;
    const running = this.jobs.filter(j => !isTerminal(j.status)).length;
    const finished = this.jobs.filter(j => isTerminal(j.status)).length;
    /** @type {HTMLButtonElement} */ (p.cancelAll).disabled = running === 0;
    /** @type {HTMLButtonElement} */ (p.clear).disabled = finished === 0;
    /** @type {HTMLButtonElement} */ (p.download).disabled = this.selected.size === 0;
    text(p.download, this.selected.size ? `Download selected results (${this.selected.size})` : 'Download selected results');
  }

  cancelAll() {
    const running = this.jobs.filter(j => !isTerminal(j.status)).length;
    this.confirm(`Cancel ${count(running, 'unfinished job')}?`,
      'Each job stops at its next safe point and its partial work is discarded. Finished jobs are not touched.',
      'Yes, cancel them', 'Keep them running', async () => {
        try {
          const { data } = await request('POST', '/api/jobs/cancel-all');
          this.say(`Cancel requested for ${count(data?.cancelled ?? running, 'job')}.`);
        } catch (e) { this.say(/** @type {Error} */ (e).message); }
        this.reload();
      });
  }

  clearFinished() {
    this.confirm('Clear finished jobs from this list?',
      'Completed, failed and cancelled jobs leave this list, nothing is deleted: they stay under Status → History, '
      + 'with their results, until old jobs are removed automatically. Your notifications stay too. Jobs still running stay here.',
      'Yes, clear them', 'Keep them', async () => {
        try {
          const { data } = await request('POST', '/api/jobs/clear-finished');
          this.say(`Cleared ${count(data?.hidden ?? 0, 'finished job')} from the list. They are still under Status → History.`);
        } catch (e) { this.say(/** @type {Error} */ (e).message); }
        this.reload();
      });
  }

  /** The selected results as one zip, streamed by the server with only this person's files. */
  async downloadSelected() {
    // In the order the person picked them: the first keeps its plain file name, later twins get " (2)".
    const ids = [...this.selected].filter(id => this.jobs.some(j => j.id === id && j.result?.url));
    if (!ids.length) return;
    const button = /** @type {HTMLButtonElement} */ (this.parts.download);
    button.disabled = true;
    this.say(`Preparing a zip of ${count(ids.length, 'file')}…`);
    try {
      const { blob, filename } = await downloadResultsZip(ids);
      const url = URL.createObjectURL(blob);
      const a = h('a', { href: url, download: filename, hidden: true });
      document.body.append(a);
      a.click();
      a.remove();
      // Revoked later: the browser starts reading the file after the click returns.
      setTimeout(() => URL.revokeObjectURL(url), 60000);
      this.say(`Downloaded ${filename} with ${count(ids.length, 'selected result')}.`);
    } catch (e) {
      this.say(/** @type {Error} */ (e).message);
    }
    this.renderBulk();
  }

  /** @param {string} message */
  say(message) {
    text(this.parts.note, message);
  }

  /** @param {string} title @param {string} body @param {string} yes @param {string} no @param {() => void} onYes */
  confirm(title, body, yes, no, onYes) {
    confirmDialog(/** @type {HTMLDialogElement} */ (this.parts.dialog), { title, body, yes, no, onYes });
  }
}
