// <longrun-import-preview job-id="…">: what an import found before it writes anything — rows parsed,
// ready, warnings, errors, each problem by row and column — and the choice to import the valid rows or
// upload a fixed file. Shown by <longrun-job> for a job waiting on an import preview; usable alone.

import { LongrunError, apiUrl, hub, jobAction, watchJob } from './longrun-client.js';
import { ensureStyles, fill, fire, h, text } from './longrun-dom.js';
import { count, number } from './longrun-words.js';

/** @typedef {import('./longrun-client.js').Job} Job */
/**
 * @typedef {{filename?: string, rows_parsed: number, ready: number, warnings: number, errors: number,
 *   problems?: {row: number, column: string|null, severity: 'warning'|'error', message: string}[], problems_truncated?: boolean}} Preview
 */

/** Events: `longrun-upload-fixed` (detail: {job}) after "Upload a fixed file" discarded this preview. */
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
    fill(this, h('section', { class: 'lr-preview', 'aria-label': 'Import preview' },
      h('h3', { class: 'lr-preview-title' },
        `Import preview — ${p.filename || 'your file'} · ${count(p.rows_parsed, 'row')} checked · ${issues === 0 ? 'no issues found' : `${count(issues, 'row')} with issues`}`),
      // Each row is in exactly one pill, so they add up to the rows parsed; "ready" in the button is the first two.
      h('ul', { class: 'lr-counts' },
        h('li', { class: 'lr-count-ready' }, h('strong', {}, number(p.ready - p.warnings)), ' ready as they are'),
        h('li', { class: 'lr-count-warning' }, h('strong', {}, number(p.warnings)), ' imported with a change'),
        h('li', { class: 'lr-count-error' }, h('strong', {}, number(p.errors)), ' skipped')),
      problemsTable(p, job),
      h('div', { class: 'lr-actions' }, importButton, fixButton),
      h('p', { class: 'lr-hint' }, 'Nothing has been imported yet. Uploading a fixed file discards this preview.'),
      note));
  }

  /** @param {'confirm'|'cancel'} verb @param {HTMLElement} button @param {string} busyText @param {HTMLElement} note */
  async decide(verb, button, busyText, note) {
    if (this.busy || !this._job) return;
    this.busy = true;
    button.setAttribute('disabled', '');
    text(button, busyText);
    try {
      const answer = await jobAction(this._job.id, verb);
      hub.publish(answer);
      if (verb === 'cancel') fire(this, 'longrun-upload-fixed', { job: answer });
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

/** @param {Preview} p @param {Job} job */
function problemsTable(p, job) {
  const problems = p.problems || [];
  if (!problems.length) return h('p', { class: 'lr-hint' }, 'Every row is ready.');
  return h('div', { class: 'lr-table-wrap' },
    h('table', { class: 'lr-problems' },
      h('caption', {}, 'Problems by row'),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Row'), h('th', { scope: 'col' }, 'Column'),
        h('th', { scope: 'col' }, 'Problem'), h('th', { scope: 'col' }, 'What happens'))),
      h('tbody', {}, ...problems.map(x => h('tr', { class: `lr-problem-${x.severity}` },
        h('td', { 'data-label': 'Row' }, String(x.row)), h('td', { 'data-label': 'Column' }, x.column || 'whole row'),
        h('td', { 'data-label': 'Problem' }, x.message),
        h('td', { 'data-label': 'What happens' }, x.severity === 'error' ? 'Skipped' : 'Imported with a change'))))),
    p.problems_truncated
      ? h('p', { class: 'lr-hint' }, `Only the first ${problems.length} problems are listed. `,
        h('a', { href: apiUrl(`/api/jobs/${encodeURIComponent(job.id)}/items?format=csv`), download: true }, 'Download all problems (CSV)'))
      : null);
}
