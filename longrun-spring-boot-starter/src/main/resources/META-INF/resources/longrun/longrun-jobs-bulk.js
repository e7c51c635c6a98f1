// The bulk actions of <longrun-jobs>: selecting rows and acting on them (cancel, retry, one zip of their results),
// the page-wide "Cancel all unfinished" and "Clear finished", and the note under them, which follows a cancel until
// the jobs it asked to stop have stopped.

import { downloadResultsZip, hub, jobAction, listJobs, request } from './longrun-client.js';
import { confirmDialog, h, show, text } from './longrun-dom.js';
import { cancelNote, count, isTerminal, number } from './longrun-words.js';

/** @typedef {import('./longrun-client.js').Job} Job */
/** @typedef {import('./longrun-jobs.js').LongrunJobs} LongrunJobs */

export class JobsBulk {
  /** @param {LongrunJobs} list the element whose rows, selection, counts and parts these act on */
  constructor(list) {
    this.list = list;
    /**
     * The jobs a cancel asked to stop, followed until each has (the note says how many are still stopping), with the
     * words for those the server refused; null when the note speaks of something else.
     * @type {{ids: string[], refused: string, seq: number}|null}
     */
    this.stopping = null;
  }

  /** Signed out: no cancel of that user is followed any more. */
  stop() {
    this.stopping = null;
  }

  /** @param {boolean} on */
  selectAll(on) {
    if (on) for (const j of this.list.jobs) this.list.selected.add(j.id);
    else this.list.selected.clear();
    for (const box of this.list.querySelectorAll('li[data-job-id] .lr-select-box')) /** @type {HTMLInputElement} */ (box).checked = on;
    this.render();
  }

  /** The selected jobs that are still shown. */
  picked() {
    return this.list.jobs.filter(j => this.list.selected.has(j.id));
  }

  /** The page-wide buttons, and the bar of actions for the selected rows, shown only while some are selected. */
  render() {
    const p = this.list.parts;
    // The page-wide buttons act on every job, not only the tab shown: the counts say whether there is any.
    const c = this.list.counts?.counts;
    const running = this.unfinished();
    const finished = c ? (c.succeeded || 0) + (c.failed || 0) + (c.cancelled || 0) : this.list.jobs.filter(j => isTerminal(j.status)).length;
    /** @type {HTMLButtonElement} */ (p.cancelAll).disabled = running === 0;
    /** @type {HTMLButtonElement} */ (p.clear).disabled = finished === 0;
    const picked = this.picked();
    show(p.bulk, picked.length > 0);
    const all = /** @type {HTMLInputElement} */ (p.selectAll);
    all.checked = picked.length > 0 && picked.length === this.list.jobs.length;
    all.indeterminate = picked.length > 0 && picked.length < this.list.jobs.length;
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
    this.list.selected.clear();
    this.list.reload();
  }

  /** How many of the person's jobs are unfinished: all of them by the counts, else the ones listed. */
  unfinished() {
    const c = this.list.counts?.counts;
    return c ? (c.pending || 0) + (c.running || 0) + (c.needs_action || 0) : this.list.jobs.filter(j => !isTerminal(j.status)).length;
  }

  cancelAll() {
    const running = this.unfinished();
    this.confirm(`Cancel ${count(running, 'unfinished job')}?`,
      'Each job stops at its next safe point and its partial work is discarded. Finished jobs are not touched.',
      'Yes, cancel them', 'Keep them running', async () => {
        try {
          const { data } = await request('POST', '/api/jobs/cancel-all');
          const asked = `Cancel requested for ${count(data?.cancelled ?? running, 'job')}.`;
          // A server without `ids` (older than this page) is only quoted: the list cannot tell when they stopped.
          if (data?.ids?.length) this.follow(data.ids, asked); else this.say(asked);
        } catch (e) { this.say(/** @type {Error} */ (e).message); }
        this.list.reload();
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
        this.list.reload();
      });
  }

  /** The selected results as one zip, streamed by the server with only this person's files. */
  async downloadSelected() {
    // In the order the person picked them: the first keeps its plain file name, later twins get " (2)".
    const ids = [...this.list.selected].filter(id => this.list.jobs.some(j => j.id === id && j.status === 'succeeded' && j.result?.url));
    if (!ids.length) return;
    const button = /** @type {HTMLButtonElement} */ (this.list.parts.download);
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
    this.render();
  }

  /** @param {string} message */
  say(message) {
    this.stopping = null;
    text(this.list.parts.note, message);
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
    text(this.list.parts.note, `${cancelNote(cancelled, finished, left)}${s.refused}`);
    if (!left) this.stopping = null;
  }

  /** @param {string} title @param {string} body @param {string} yes @param {string} no @param {() => void} onYes */
  confirm(title, body, yes, no, onYes) {
    confirmDialog(/** @type {HTMLDialogElement} */ (this.list.parts.dialog), { title, body, yes, no, onYes });
  }
}

/** The newer of a listed job and the state the hub last heard of it. @param {Job} job */
export function newest(job) {
  const heard = hub.latest.get(job.id);
  return heard && heard.version > job.version ? heard : job;
}
