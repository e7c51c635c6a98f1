// <longrun-jobs status="…" type="…" limit="20">: all of a person's jobs at a glance, as a dense table — status, what
// each works on, progress or time left, started, duration, actions — running first, then waiting, then finished by
// completion time; status tabs with counts, bulk actions for selected rows, older pages. Rows stack on a narrow
// screen. The dashboard's jobs page; host applications can embed it as a jobs panel.

import { LongrunError, downloadResultsZip, hub, jobAction, jobTypes, listJobs, request } from './longrun-client.js';
import { confirmDialog, ensureStyles, fill, fire, h, show, text } from './longrun-dom.js';
import { LongrunJob } from './longrun-job.js';
import { cancelNote, count, isTerminal, number } from './longrun-words.js';

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
    /**
     * The jobs a cancel asked to stop, followed until each has (the note says how many are still stopping), with the
     * words for those the server refused; null when the note speaks of something else.
     * @type {{ids: string[], refused: string, seq: number}|null}
     */
    this.stopping = null;
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
    selectAll.addEventListener('change', () => this.selectAll(selectAll.checked));
    const p = {
      typeSelect, tabs, selectAll,
      cancelAll: h('button', { type: 'button', class: 'lr-button lr-small', onclick: () => this.cancelAll() }, 'Cancel all unfinished'),
      clear: h('button', { type: 'button', class: 'lr-button lr-small', onclick: () => this.clearFinished() }, 'Clear finished'),
      bulk: h('div', { class: 'lr-bulk-bar', role: 'region', 'aria-label': 'Actions for the selected jobs', hidden: true }),
      picked: h('span', { class: 'lr-bulk-count', 'aria-live': 'polite' }),
      bulkCancel: h('button', { type: 'button', class: 'lr-button lr-small lr-danger', onclick: () => this.cancelSelected() }),
      bulkRetry: h('button', { type: 'button', class: 'lr-button lr-small', onclick: () => this.retrySelected() }),
      download: h('button', { type: 'button', class: 'lr-button lr-small lr-primary', onclick: () => this.downloadSelected() }, 'Download selected results'),
      unselect: h('button', { type: 'button', class: 'lr-button lr-small', onclick: () => this.selectAll(false) }, 'Clear selection'),
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
    this.stopping = null;
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
      this.followCancel();
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
      this.renderBulk();
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
    this.renderBulk();
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
      this.renderBulk();
    });
    return h('li', { class: 'lr-jobs-row', 'data-job-id': job.id }, h('span', { class: 'lr-select-cell' }, box), el);
  }

  /** @param {boolean} on */
  selectAll(on) {
    if (on) for (const j of this.jobs) this.selected.add(j.id);
    else this.selected.clear();
    for (const box of this.querySelectorAll('li[data-job-id] .lr-select-box')) /** @type {HTMLInputElement} */ (box).checked = on;
    this.renderBulk();
  }

  /** The selected jobs that are still shown. */
  picked() {
    return this.jobs.filter(j => this.selected.has(j.id));
  }

  /** The page-wide buttons, and the bar of actions for the selected rows, shown only while some are selected. */
  renderBulk() {
    const p = this.parts;
    // The page-wide buttons act on every job, not only the tab shown: the counts say whether there is any.
    const c = this.counts?.counts;
    const running = c ? (c.pending || 0) + (c.running || 0) + (c.needs_action || 0) : this.jobs.filter(j => !isTerminal(j.status)).length;
    const finished = c ? (c.succeeded || 0) + (c.failed || 0) + (c.cancelled || 0) : this.jobs.filter(j => isTerminal(j.status)).length;
    /** @type {HTMLButtonElement} */ (p.cancelAll).disabled = running === 0;
    /** @type {HTMLButtonElement} */ (p.clear).disabled = finished === 0;
    const picked = this.picked();
    show(p.bulk, picked.length > 0);
    const all = /** @type {HTMLInputElement} */ (p.selectAll);
    all.checked = picked.length > 0 && picked.length === this.jobs.length;
    all.indeterminate = picked.length > 0 && picked.length < this.jobs.length;
    text(p.picked, `${number(picked.length)} selected`);
    const cancellable = picked.filter(j => !isTerminal(j.status) && j.cancellable !== false && !j.cancel_requested).length;
    const retryable = picked.filter(j => j.status === 'failed' || j.status === 'cancelled').length;
    const files = picked.filter(j => j.status === 'succeeded' && j.result?.url).length;
    show(p.bulkCancel, cancellable > 0);
    text(p.bulkCancel, `Cancel ${count(cancellable, 'job')}`);
    show(p.bulkRetry, retryable > 0);
    text(p.bulkRetry, `Retry ${count(retryable, 'job')}`);
    show(p.download, files > 0);
    text(p.download, `Download selected results (${number(files)})`);
  }

  cancelSelected() {
    const jobs = this.picked().filter(j => !isTerminal(j.status) && j.cancellable !== false && !j.cancel_requested);
    if (!jobs.length) return;
    const working = jobs.some(j => j.status === 'running' || j.status === 'needs_action');
    const go = () => this.each(jobs, 'cancel', n => `Cancel requested for ${count(n, 'job')}.`);
    if (!working) { go(); return; }
    this.confirm(`Cancel ${count(jobs.length, 'selected job')}?`,
      'Each stops at its next safe point and its partial work is discarded. Queued jobs are simply taken out of line.',
      'Yes, cancel them', 'Keep them running', go);
  }

  retrySelected() {
    const jobs = this.picked().filter(j => j.status === 'failed' || j.status === 'cancelled');
    if (!jobs.length) return;
    this.confirm(`Run ${count(jobs.length, 'job')} again?`,
      'Each runs again as a new job with the same inputs; the failed or cancelled ones stay in the list as they are.',
      'Yes, run them again', 'Not now', () => this.each(jobs, 'retry', n => `Started ${count(n, 'job')} again.`));
  }

  /**
   * One action on each job; says how many it worked for and why the others did not. A cancel is followed until the
   * jobs have stopped (followCancel).
   * @param {Job[]} jobs @param {string} verb @param {(n: number) => string} done
   */
  async each(jobs, verb, done) {
    const answers = await Promise.allSettled(jobs.map(j => jobAction(j.id, verb)));
    const ok = jobs.filter((_, i) => answers[i].status === 'fulfilled').map(j => j.id);
    const refused = answers.find(a => a.status === 'rejected');
    const why = refused ? ` ${count(jobs.length - ok.length, 'job')} could not: ${/** @type {PromiseRejectedResult} */ (refused).reason?.message || 'try again in a moment'}` : '';
    if (verb === 'cancel' && ok.length) this.follow(ok, done(ok.length), why);
    else this.say(`${done(ok.length)}${why}`);
    this.selected.clear();
    this.reload();
  }

  cancelAll() {
    const c = this.counts?.counts;
    const running = c ? (c.pending || 0) + (c.running || 0) + (c.needs_action || 0) : this.jobs.filter(j => !isTerminal(j.status)).length;
    this.confirm(`Cancel ${count(running, 'unfinished job')}?`,
      'Each job stops at its next safe point and its partial work is discarded. Finished jobs are not touched.',
      'Yes, cancel them', 'Keep them running', async () => {
        try {
          const { data } = await request('POST', '/api/jobs/cancel-all');
          const asked = `Cancel requested for ${count(data?.cancelled ?? running, 'job')}.`;
          // A server without `ids` (older than this page) is only quoted: the list cannot tell when they stopped.
          if (data?.ids?.length) this.follow(data.ids, asked); else this.say(asked);
        } catch (e) { this.say(/** @type {Error} */ (e).message); }
        this.reload();
      });
  }

  clearFinished() {
    this.confirm('Clear finished jobs from this list?',
      'Completed, failed and cancelled jobs leave this list, nothing is deleted: they stay under the History tab, '
      + 'with their results, until old jobs are removed automatically. Your notifications stay too. Jobs still running stay here.',
      'Yes, clear them', 'Keep them', async () => {
        try {
          const { data } = await request('POST', '/api/jobs/clear-finished');
          this.say(`Cleared ${count(data?.hidden ?? 0, 'finished job')} from the list. They are still under the History tab.`);
        } catch (e) { this.say(/** @type {Error} */ (e).message); }
        this.reload();
      });
  }

  /** The selected results as one zip, streamed by the server with only this person's files. */
  async downloadSelected() {
    // In the order the person picked them: the first keeps its plain file name, later twins get " (2)".
    const ids = [...this.selected].filter(id => this.jobs.some(j => j.id === id && j.status === 'succeeded' && j.result?.url));
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
    this.stopping = null;
    text(this.parts.note, message);
  }

  /**
   * Says a cancel was asked for, then follows the jobs until each has stopped: a status line that keeps saying
   * "Cancel requested" over rows that all read Cancelled contradicts them.
   * @param {string[]} ids @param {string} asked @param {string} [refused]
   */
  follow(ids, asked, refused = '') {
    this.say(`${asked}${refused}`);
    this.stopping = { ids, refused, seq: 0 };
  }

  /**
   * What the jobs a cancel asked to stop are doing now, read with the list (after each load, which every change of
   * status brings): "Cancelling 12 jobs: 9 cancelled, 3 still stopping…", and once none is left "12 jobs cancelled."
   * — or that some finished before the cancel reached them. A job the server no longer lists is left out.
   */
  async followCancel() {
    const s = this.stopping;
    if (!s) return;
    const seq = ++s.seq;
    /** @type {Job[]} */
    const jobs = [];
    try {
      for (let i = 0; i < s.ids.length; i += 100) {
        jobs.push(...(await listJobs({ ids: s.ids.slice(i, i + 100), limit: 100, history: true })).jobs);
      }
    } catch {
      return; // the next load asks again
    }
    if (this.stopping !== s || seq !== s.seq) return;
    if (!jobs.length) { this.stopping = null; return; }
    const states = jobs.map(j => newest(j).status);
    const cancelled = states.filter(st => st === 'cancelled').length;
    const finished = states.filter(st => isTerminal(st) && st !== 'cancelled').length;
    const left = states.length - cancelled - finished;
    text(this.parts.note, `${cancelNote(cancelled, finished, left)}${s.refused}`);
    if (!left) this.stopping = null;
  }

  /** @param {string} title @param {string} body @param {string} yes @param {string} no @param {() => void} onYes */
  confirm(title, body, yes, no, onYes) {
    confirmDialog(/** @type {HTMLDialogElement} */ (this.parts.dialog), { title, body, yes, no, onYes });
  }
}

/** The newer of a listed job and the state the hub last heard of it. @param {Job} job */
function newest(job) {
  const heard = hub.latest.get(job.id);
  return heard && heard.version > job.version ? heard : job;
}
