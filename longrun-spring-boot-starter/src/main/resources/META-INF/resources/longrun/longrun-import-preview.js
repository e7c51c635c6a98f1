// <longrun-import-preview job-id="…">: what an import found before it writes anything — rows parsed,
// ready, warnings, errors, each problem by row and column — and the choice to import the valid rows or
// upload a fixed file. Shown by <longrun-job> for a job waiting on an import preview; usable alone.

import { LongrunError, apiUrl, hub, jobAction, request, watchJob } from './longrun-client.js';
import { ensureStyles, fill, fire, h, text } from './longrun-dom.js';
import { count, number } from './longrun-words.js';

/** @typedef {import('./longrun-client.js').Job} Job */
/**
 * @typedef {{filename?: string, rows_parsed: number, ready: number, warnings: number, errors: number,
 *   problems?: {row: number, column: string|null, severity: 'warning'|'error', message: string}[], problems_truncated?: boolean}} Preview
 */

/** How many problems the preview lists before "Show all": the decision, not the list, is what the person came for. */
const FIRST = 10;
/** Problems fetched per page of "Show all", from the job's items. */
const PAGE = 100;

/**
 * Events: `longrun-upload-fixed` (detail: {job}) after "Upload a fixed file" discarded this preview, fired from the
 * <longrun-job> around it when there is one (this element may be gone by then); the page then clears the card and
 * readies its file picker.
 */
export class LongrunImportPreview extends HTMLElement {
  static observedAttributes = ['job-id'];

  /** @param {string} [tag] @param {CustomElementRegistry} [registry] */
  static define(tag = 'longrun-import-preview', registry = customElements) {
    if (!registry.get(tag)) registry.define(tag, this);
    return this;
  }

  constructor() {
    super();
    /** @type {Job|null} */
    this._job = null;
    /** @type {(() => void)|null} */
    this.unwatch = null;
    this.busy = false;
  }

  /** Set by <longrun-job>, which already follows the job. @param {Job} job */
  set job(job) {
    this._job = job;
    if (this.getAttribute('job-id') !== job.id) this.setAttribute('job-id', job.id);
    this.render();
  }

  get job() { return /** @type {Job} */ (this._job); }

  connectedCallback() {
    ensureStyles();
    this.follow();
    this.render();
  }

  disconnectedCallback() {
    this.unwatch?.();
    this.unwatch = null;
  }

  attributeChangedCallback() {
    if (this.isConnected) this.follow();
  }

  follow() {
    const id = this.getAttribute('job-id');
    // Inside <longrun-job> the job arrives by property; alone, the element follows the job itself.
    if (!id || (this._job && this._job.id === id) || this.closest('longrun-job')) return;
    this.unwatch?.();
    this.unwatch = watchJob(id, job => { this._job = job; this.render(); });
  }

  render() {
    const job = this._job;
    /** @type {Preview|undefined} */
    const p = job?.action?.preview;
    if (!job || !p) {
      fill(this, h('p', { class: 'lr-sentence' }, job ? 'This job has no import preview.' : 'Checking the file…'));
      return;
    }
    const key = `${job.id}|${job.version}|${job.status}`;
    if (this.dataset.key === key) return;
    this.dataset.key = key;
    const issues = (p.warnings || 0) + (p.errors || 0);
    const waiting = job.status === 'needs_action';
    const importButton = h('button', { type: 'button', class: 'lr-button lr-primary', disabled: !waiting || p.ready === 0 },
      p.ready === 0 ? 'No valid rows to import' : `Import ${count(p.ready, 'ready row')}`);
    const fixButton = h('button', { type: 'button', class: 'lr-button', disabled: !waiting }, 'Upload a fixed file');
    const note = h('p', { class: 'lr-action-note', role: 'alert', hidden: true });
    importButton.addEventListener('click', () => this.decide('confirm', importButton, 'Importing…', note));
    fixButton.addEventListener('click', () => this.decide('cancel', fixButton, 'Discarding this preview…', note));
    const skipped = p.errors > 0 ? ` ${count(p.errors, 'row')} will be skipped.` : '';
    fill(this, h('section', { class: 'lr-preview', 'aria-label': 'Import preview' },
      h('h3', { class: 'lr-preview-title' },
        `Import preview — ${p.filename || 'your file'} · ${count(p.rows_parsed, 'row')} checked · ${issues === 0 ? 'no issues found' : `${count(issues, 'row')} with issues`}`),
      // Each row is in exactly one pill, so they add up to the rows parsed; "ready" in the button is the first two.
      h('ul', { class: 'lr-counts' },
        h('li', { class: 'lr-count-ready' }, h('strong', {}, number(p.ready - p.warnings)), ' ready as they are'),
        h('li', { class: 'lr-count-warning' }, h('strong', {}, number(p.warnings)), ' imported with a change'),
        h('li', { class: 'lr-count-error' }, h('strong', {}, number(p.errors)), ' skipped')),
      problemsTable(p, job),
      // The decision stays in view however long the list above grows.
      h('div', { class: 'lr-decision', role: 'group', 'aria-label': 'Your decision' },
        h('p', { class: 'lr-decision-text' }, p.ready === 0 ? 'No row can be imported as it is.'
          : `Import ${count(p.ready, 'ready row')}?${skipped}`, ' ',
        h('span', { class: 'lr-hint' }, 'Nothing has been imported yet. Uploading a fixed file discards this preview.')),
        h('div', { class: 'lr-actions' }, importButton, fixButton),
        note)));
  }

  /** @param {'confirm'|'cancel'} verb @param {HTMLElement} button @param {string} busyText @param {HTMLElement} note */
  async decide(verb, button, busyText, note) {
    if (this.busy || !this._job) return;
    this.busy = true;
    button.setAttribute('disabled', '');
    text(button, busyText);
    // The live stream may bring the cancelled job before the answer does, and the card then redraws without this
    // element: the event goes out from the card around it, which stays in the page.
    const from = this.closest('longrun-job') || this;
    try {
      const answer = await jobAction(this._job.id, verb);
      if (verb === 'cancel') fire(from.isConnected ? from : this, 'longrun-upload-fixed', { job: answer });
      hub.publish(answer);
    } catch (e) {
      text(note, e instanceof LongrunError ? e.message : 'That did not work. Try again in a moment.');
      note.hidden = false;
      this.dataset.key = '';
      button.removeAttribute('disabled');
    } finally {
      this.busy = false;
    }
  }
}

/**
 * The first problems by row and column, "Show all" (paged from the job's items, where every problem row is kept)
 * and the whole list as CSV.
 * @param {Preview} p @param {Job} job
 */
function problemsTable(p, job) {
  const problems = p.problems || [];
  if (!problems.length) return h('p', { class: 'lr-hint' }, 'Every row is ready.');
  const rowsWithIssues = (p.warnings || 0) + (p.errors || 0);
  const body = h('tbody', {}, ...problems.slice(0, FIRST).map(x => problemRow(x.row, x.column, x.message, x.severity)));
  const caption = h('caption', {});
  const sayShown = (/** @type {number} */ rows) => text(caption, rows >= rowsWithIssues
    ? `Problems by row (${count(rowsWithIssues, 'row')})` : `Problems by row — the first ${number(rows)} of ${count(rowsWithIssues, 'row')}`);
  sayShown(new Set(problems.slice(0, FIRST).map(x => x.row)).size);
  const more = h('button', { type: 'button', class: 'lr-button lr-small' }, `Show all ${count(rowsWithIssues, 'row')} with problems`);
  const wrap = h('div', { class: 'lr-table-wrap' },
    h('table', { class: 'lr-problems' }, caption,
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Row'), h('th', { scope: 'col' }, 'Column'),
        h('th', { scope: 'col' }, 'Problem'), h('th', { scope: 'col' }, 'What happens'))),
      body));
  let offset = 0;
  let shown = 0;
  more.addEventListener('click', async () => {
    more.setAttribute('disabled', '');
    text(more, 'Loading…');
    try {
      const { data } = await request('GET', `/api/jobs/${encodeURIComponent(job.id)}/items?limit=${PAGE}&offset=${offset}`);
      // The first page replaces the preview's short list; later pages add to it.
      if (offset === 0) fill(body);
      for (const item of data.items || []) {
        body.append(problemRow(item.detail?.row ?? item.key, item.detail?.column || null,
          String(item.message || '').replace(/\bRow \d+: /g, ''), item.status === 'warning' ? 'warning' : 'error'));
      }
      shown += (data.items || []).length;
      offset = data.next_offset ?? offset;
      wrap.classList.add('lr-table-long');
      sayShown(shown);
      const left = rowsWithIssues - shown;
      more.hidden = data.next_offset == null || left <= 0;
      text(more, `Show ${number(Math.min(PAGE, left))} more`);
    } catch (e) {
      text(more, e instanceof LongrunError ? `${e.message} Try again.` : 'The problems could not be loaded. Try again.');
    } finally {
      more.removeAttribute('disabled');
    }
  });
  return h('div', { class: 'lr-problems-block' }, wrap,
    h('div', { class: 'lr-actions' },
      problems.length > FIRST || p.problems_truncated || rowsWithIssues > FIRST ? more : null,
      h('a', { class: 'lr-button lr-small', href: apiUrl(`/api/jobs/${encodeURIComponent(job.id)}/items?format=csv`), download: true },
        'Download problems as CSV')));
}

/** @param {number|string} row @param {string|null} column @param {string} message @param {string} severity */
function problemRow(row, column, message, severity) {
  return h('tr', { class: `lr-problem-${severity}` },
    h('td', { 'data-label': 'Row' }, String(row)), h('td', { 'data-label': 'Column' }, column || 'whole row'),
    h('td', { 'data-label': 'Problem' }, message),
    h('td', { 'data-label': 'What happens' }, severity === 'error' ? 'Skipped' : 'Imported with a change'));
}
