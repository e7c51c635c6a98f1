// <longrun-jobs status="…" type="…" limit="20">: all of a person's jobs at a glance, as a dense table — status, what
// each works on, progress or time left, started, duration, actions — running first, then waiting, then finished by
// completion time; status tabs with counts, bulk actions for selected rows, older pages. Rows stack on a narrow
// screen. The dashboard's jobs page; host applications can embed it as a jobs panel.

import { LongrunError, hub, jobTypes, listJobs } from './longrun-client.js';
import { ensureStyles, fill, fire, h, show, text } from './longrun-dom.js';
import { LongrunJob } from './longrun-job.js';
import { JobsBulk, newest } from './longrun-jobs-bulk.js';
import { count, isTerminal, number } from './longrun-words.js';

/** @typedef {import('./longrun-client.js').Job} Job */
/** @typedef {{counts: Record<string, number>, total: number, cleared: number}} Counts */

/** The status filter that also lists the jobs cleared from the list. */
const HISTORY = 'history';

/**
 * The status tabs: the `status` attribute each sets and how many jobs it shows, from GET /api/jobs/counts.
 * @type {{status: string, label: string, n: (c: Counts) => number}[]}
 */
const TABS = [
  { status: '', label: 'All', n: c => c.total },
  { status: 'running', label: 'In progress', n: c => c.counts.running || 0 },
  { status: 'pending', label: 'Queued', n: c => c.counts.pending || 0 },
  { status: 'needs_action', label: 'Needs action', n: c => c.counts.needs_action || 0 },
  { status: 'succeeded', label: 'Completed', n: c => c.counts.succeeded || 0 },
  { status: 'failed', label: 'Failed', n: c => c.counts.failed || 0 },
  { status: 'cancelled', label: 'Cancelled', n: c => c.counts.cancelled || 0 },
  { status: HISTORY, label: 'History', n: c => c.total + c.cleared },
];

/** The table's groups, in the order a person looks for them. */
const GROUPS = [
  { key: 'running', label: 'In progress', has: (/** @type {Job} */ j) => j.status === 'running' },
  { key: 'waiting', label: 'Waiting', has: (/** @type {Job} */ j) => j.status === 'pending' || j.status === 'needs_action' },
  { key: 'finished', label: 'Finished', has: (/** @type {Job} */ j) => isTerminal(j.status) },
];

/**
 * Waiting jobs: those waiting for the person first (they can act now), then by place in line (a place past the
 * counted part of a long line after every counted one); a job with no place (waiting for another job or to retry)
 * after those in line, oldest first.
 * @param {Job} a @param {Job} b
 */
function byWait(a, b) {
  const need = Number(b.status === 'needs_action') - Number(a.status === 'needs_action');
  if (need) return need;
  const pa = placeRank(a);
  const pb = placeRank(b);
  if (pa !== pb) return pa - pb;
  return Date.parse(a.created_at) - Date.parse(b.created_at);
}

/** @param {Job} job */
function placeRank(job) {
  if (job.queue_position != null) return job.queue_position;
  return job.queue_more_than != null ? job.queue_more_than + 0.5 : Infinity;
}

/** Events: `longrun-jobs-loaded` (detail: {count, counts}) after each (re)load. */
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
    /** @type {Counts|null} */
    this.counts = null;
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
    /** Selection, bulk actions and the note under them. */
    this.bulk = new JobsBulk(this);
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
      // Without the live stream, look again every 10 s so new and finished jobs still show up; not once the hub
      // is stopped (signed out), when the rows were the previous user's.
      if (this.pollTimer) clearInterval(this.pollTimer);
      this.pollTimer = c === 'live' || c === 'stopped' ? null : setInterval(() => this.reload(), 10000);
      if (c === 'stopped') this.forget();
    }));
    // A job started or finished after the list was read and before the stream opened (or while it was down)
    // sent its event to nobody: read the list again once the stream is live.
    this.stops.push(hub.onLive(() => this.reload()));
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
    typeSelect.addEventListener('change', () => this.setFilter('type', /** @type {HTMLSelectElement} */ (typeSelect).value));
    jobTypes().then(types => {
      for (const t of Object.values(types)) typeSelect.append(h('option', { value: t.name }, t.label || t.name));
      this.syncFilters();
    });
    const tabs = TABS.map(t => h('button', { type: 'button', class: 'lr-tab', 'data-status': t.status, 'aria-pressed': 'false',
      onclick: () => this.setFilter('status', t.status) }, h('span', { class: 'lr-tab-label' }, t.label), ' ', h('span', { class: 'lr-tab-count' })));
    const selectAll = /** @type {HTMLInputElement} */ (h('input', { type: 'checkbox', class: 'lr-select-box', 'aria-label': 'Select all jobs shown' }));
    selectAll.addEventListener('change', () => this.bulk.selectAll(selectAll.checked));
    const p = {
      typeSelect, tabs, selectAll,
      cancelAll: h('button', { type: 'button', class: 'lr-button lr-small', onclick: () => this.bulk.cancelAll() }, 'Cancel all unfinished'),
      clear: h('button', { type: 'button', class: 'lr-button lr-small', onclick: () => this.bulk.clearFinished() }, 'Clear finished'),
      bulk: h('div', { class: 'lr-bulk-bar', role: 'region', 'aria-label': 'Actions for the selected jobs', hidden: true }),
      picked: h('span', { class: 'lr-bulk-count', 'aria-live': 'polite' }),
      bulkCancel: h('button', { type: 'button', class: 'lr-button lr-small lr-danger', onclick: () => this.bulk.cancelSelected() }),
      bulkRetry: h('button', { type: 'button', class: 'lr-button lr-small', onclick: () => this.bulk.retrySelected() }),
      download: h('button', { type: 'button', class: 'lr-button lr-small lr-primary', onclick: () => this.bulk.downloadSelected() }, 'Download selected results'),
      unselect: h('button', { type: 'button', class: 'lr-button lr-small', onclick: () => this.bulk.selectAll(false) }, 'Clear selection'),
      note: h('p', { class: 'lr-jobs-note', role: 'status' }),
      head: h('div', { class: 'lr-jobs-head' }, h('span', { class: 'lr-select-cell' }, selectAll),
        ...['Status', 'Job', 'Progress', 'Started', 'Duration', ''].map(c => h('span', { 'aria-hidden': 'true' }, c))),
      groups: GROUPS.map(g => ({ ...g, title: h('h2', { class: 'lr-jobs-group' }, g.label), list: h('ul', { class: 'lr-jobs-list', 'aria-label': g.label === 'In progress' ? 'Running' : g.label }) })),
      empty: h('p', { class: 'lr-empty' }),
      shown: h('p', { class: 'lr-jobs-shown' }),
      more: h('button', { type: 'button', class: 'lr-button', onclick: () => this.loadMore() }, 'Show older jobs'),
      dialog: h('dialog', { class: 'lr-dialog' }),
    };
    fill(p.bulk, p.picked, p.bulkCancel, p.bulkRetry, p.download, p.unselect);
    this.parts = p;
    fill(this, h('section', { class: 'lr-jobs' },
      h('div', { class: 'lr-tabs', role: 'group', 'aria-label': 'Show jobs by status' }, ...tabs),
      h('div', { class: 'lr-jobs-toolbar' },
        h('label', { class: 'lr-field' }, 'Type ', typeSelect),
        h('div', { class: 'lr-bulk' }, p.cancelAll, p.clear)),
      p.bulk, p.note,
      h('div', { class: 'lr-jobs-table' }, p.head, ...p.groups.flatMap(g => [g.title, g.list])),
      p.empty, h('div', { class: 'lr-jobs-more' }, p.shown, p.more), p.dialog));
    this.syncFilters();
  }

  syncFilters() {
    const p = this.parts;
    /** @type {HTMLSelectElement} */ (p.typeSelect).value = this.getAttribute('type') || '';
    const status = this.getAttribute('status') || '';
    for (const tab of p.tabs) {
      const on = tab.dataset.status === status;
      tab.setAttribute('aria-pressed', String(on));
      // On a phone the tabs scroll sideways: keep the chosen one in sight (without scrolling the page).
      const strip = /** @type {HTMLElement} */ (tab.parentElement);
      if (on && (tab.offsetLeft < strip.scrollLeft || tab.offsetLeft + tab.offsetWidth > strip.scrollLeft + strip.clientWidth)) {
        strip.scrollLeft = tab.offsetLeft - 8;
      }
    }
  }

  /** The attribute is the source of truth; tabs and the select only ask to change it. @param {string} name @param {string} value */
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

  /** Signed out (hub.stop()): no row, count or selection of that user stays, and a load on its way is dropped. */
  forget() {
    if (this.reloadTimer) clearTimeout(this.reloadTimer);
    this.reloadTimer = null;
    this.loadSeq++;
    this.jobs = [];
    this.cursor = null;
    this.counts = null;
    this.selected.clear();
    this.bulk.stop();
    this.render();
  }

  /** The rows and the tab counts in one answer, read at one moment, so a tab's count and its rows agree. */
  async reload() {
    // Stopped: the next configure() loads again (longrun:configured).
    if (hub.stopped) return;
    const seq = ++this.loadSeq;
    try {
      // A caller that may not count (a token for one job) gets its list without counts: tabs but no numbers.
      const page = await listJobs({ ...this.filters(), counts: true });
      const counts = page.counts ?? null;
      if (seq !== this.loadSeq) return;
      // A change heard while the list was on its way is newer than the list: the row groups by what it shows.
      this.jobs = page.jobs.map(j => newest(j));
      this.cursor = page.next_cursor;
      this.counts = counts;
      this.render();
      if (this.loadFailed) text(this.parts.note, '');
      this.loadFailed = false;
      this.bulk.followCancel();
      fire(this, 'longrun-jobs-loaded', { count: this.jobs.length, counts });
    } catch (e) {
      if (seq !== this.loadSeq) return;
      // Said over a cancel's note without forgetting it: the next load that works says it again.
      text(this.parts.note, e instanceof LongrunError ? e.message : 'The jobs could not be loaded. The page tries again shortly.');
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

  /**
   * A change anywhere: rows update themselves; a new job or a new status changes the counts, the groups and maybe
   * which jobs belong in the list, so the list loads again (once for a burst of changes). A listed job that moved is
   * moved at once, to its group and from one tab's count to the other's, so the row never says "Completed" under "In
   * progress" while the list is on its way.
   * @param {Job} job @param {Job|undefined} previous
   */
  onJob(job, previous) {
    const shown = this.jobs.find(j => j.id === job.id);
    const was = shown?.status;
    const moved = shown ? was !== job.status || (!!previous && previous.status !== job.status)
      : !previous || previous.status !== job.status;
    if (shown) Object.assign(shown, job);
    if (shown && was && was !== job.status) this.moveShown(shown, was);
    if (moved) {
      if (this.reloadTimer) clearTimeout(this.reloadTimer);
      this.reloadTimer = setTimeout(() => this.reload(), 300);
    } else {
      this.bulk.render();
    }
  }

  /** @param {Job} job a listed job, already at its new status @param {string} was its status as listed */
  moveShown(job, was) {
    const c = this.counts?.counts;
    if (c && (c[was] || 0) > 0) {
      c[was]--;
      c[job.status] = (c[job.status] || 0) + 1;
    }
    const only = this.filters().status?.split(',');
    if (only && !only.includes(job.status)) this.jobs = this.jobs.filter(j => j !== job);
    this.render();
  }

  render() {
    const p = this.parts;
    for (const g of p.groups) {
      const jobs = this.jobs.filter(g.has);
      // Running: newest started first. Finished: most recently completed first — the server ranks jobs that
      // finished in the last moments (their commit may still be under way elsewhere) with the active ones, by
      // creation, and every older finished job after them by completion, so this order holds across pages too.
      if (g.key === 'waiting') jobs.sort(byWait);
      if (g.key === 'running') jobs.sort((a, b) => Date.parse(b.started_at || b.created_at) - Date.parse(a.started_at || a.created_at));
      if (g.key === 'finished') jobs.sort((a, b) => Date.parse(b.completed_at || b.updated_at) - Date.parse(a.completed_at || a.updated_at));
      this.renderGroup(g.list, jobs);
      show(g.title, jobs.length > 0);
      show(g.list, jobs.length > 0);
    }
    show(p.head, this.jobs.length > 0);
    show(p.empty, this.jobs.length === 0);
    text(p.empty, this.getAttribute('status') === HISTORY ? 'No jobs in your history.'
      : this.getAttribute('status') || this.getAttribute('type')
      ? 'No jobs match these filters.' : 'No jobs yet. Start one from the menu — it will show up here.');
    this.renderCounts();
    show(p.more, !!this.cursor);
    const shown = new Set(this.jobs.map(j => j.id));
    for (const id of [...this.selected]) if (!shown.has(id)) this.selected.delete(id);
    for (const box of this.querySelectorAll('li[data-job-id] .lr-select-box')) {
      /** @type {HTMLInputElement} */ (box).checked = this.selected.has(/** @type {HTMLElement} */ (box.closest('li')).dataset.jobId || '');
    }
    this.bulk.render();
  }

  /** Each tab's count, and "Showing 20 of 45" when older jobs are left to load. */
  renderCounts() {
    const p = this.parts;
    const c = this.counts;
    const status = this.getAttribute('status') || '';
    for (const [i, tab] of p.tabs.entries()) {
      const n = c ? TABS[i].n(c) : null;
      text(/** @type {HTMLElement} */ (tab.querySelector('.lr-tab-count')), n == null ? '' : number(n));
      tab.classList.toggle('lr-tab-empty', n === 0);
      tab.setAttribute('aria-label', n == null ? TABS[i].label : `${TABS[i].label}, ${count(n, 'job')}`);
    }
    const tab = TABS.find(t => t.status === status);
    const total = c && tab ? tab.n(c) : null;
    text(p.shown, total != null && this.cursor ? `Showing ${number(this.jobs.length)} of ${number(total)}` : '');
    show(p.shown, !!p.shown.textContent);
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
    const what = job.result?.filename ? `${job.type_label || job.type}, ${job.result.filename}` : job.type_label || job.type;
    const box = /** @type {HTMLInputElement} */ (h('input', { type: 'checkbox', class: 'lr-select-box', 'aria-label': `Select ${what}` }));
    box.addEventListener('change', () => {
      if (box.checked) this.selected.add(job.id); else this.selected.delete(job.id);
      this.bulk.render();
    });
    return h('li', { class: 'lr-jobs-row', 'data-job-id': job.id }, h('span', { class: 'lr-select-cell' }, box), el);
  }
}
