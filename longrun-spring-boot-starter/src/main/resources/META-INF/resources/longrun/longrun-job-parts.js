// The parts of <longrun-job>: the progress bar and the figures beside it, the result file card (with a fresh
// link when the old one expired), the failed items of a partly done job, and "Show details" with the log.

import { LongrunError, apiUrl, request } from './longrun-client.js';
import { fill, h, show, text } from './longrun-dom.js';
import { resultPreview } from './longrun-result-preview.js';
import { fixViewFor } from './longrun-action-views.js';
import { ago, bytes, clock, count, expiresIn, percent, took, took as tookFormat, until } from './longrun-format.js';
import { barOf, elapsed, failedCount, inLine, isRetryWait, isTerminal, number, placeInLine, progressOf, typeLabel, typeWords } from './longrun-words.js';

/** @typedef {import('./longrun-client.js').Job} Job */
/** @typedef {{url?: string|null, expires_at?: string|null, filename?: string, size_bytes?: number, row_count?: number|null, content_type?: string}} FileResult */

/**
 * The bar as {@link barOf} says it: a real percentage only when work is counted (rows, or the steps of a step job);
 * otherwise an indeterminate bar that claims nothing.
 * @param {HTMLElement} bar @param {Job} job @param {boolean} compact
 */
export function drawBar(bar, job, compact) {
  const { shown, value, text: words } = barOf(job, compact);
  show(bar, shown);
  bar.setAttribute('aria-label', `${typeLabel(job)} progress`);
  const fillEl = /** @type {HTMLElement} */ (bar.firstElementChild);
  // Leaving the sliding bar, the fill jumps to its value: animating from the slider's 30 % read as going backwards.
  const jump = value != null && bar.classList.contains('lr-indeterminate');
  bar.classList.toggle('lr-indeterminate', value == null);
  if (value == null) bar.removeAttribute('aria-valuenow');
  else bar.setAttribute('aria-valuenow', String(Math.floor(value)));
  bar.setAttribute('aria-valuetext', words);
  if (jump) fillEl.style.transition = 'none';
  fillEl.style.width = value == null ? '' : `${value}%`;
  if (jump) {
    void fillEl.offsetWidth; // apply the width now, then animate later changes again
    fillEl.style.transition = '';
  }
}

/**
 * "45% · Time left: About 2–4 minutes · Running for 1 min 5 s", or when it finished and how long it took over all
 * its attempts. A job that never started says so instead of a start time.
 * @param {Job} job @param {boolean} compact @param {number} now
 */
export function factsLine(job, compact, now) {
  const facts = [];
  if (job.status === 'running') {
    const pct = progressOf(job);
    if (pct != null) facts.push(percent(pct));
    // The API's words exactly ("About 2–4 minutes", "Almost done"); nothing when it gives none.
    if (job.eta?.text) facts.push(`Time left: ${job.eta.text}`);
    if (job.started_at) facts.push(/** @type {string} */ (elapsed(job, now)));
  } else if (job.status === 'pending') {
    if (isRetryWait(job)) {
      facts.push(`Next attempt ${until(job.run_after, now)}`);
    } else {
      if (compact && inLine(job)) facts.push(placeInLine(job));
      if (job.start_eta?.text) facts.push(`Expected to start: ${job.start_eta.text}`);
      if (job.eta?.text) facts.push(`Expected to take: ${job.eta.text}`);
      facts.push(/** @type {string} */ (elapsed(job, now)));
    }
  } else if (isTerminal(job.status)) {
    const at = job.completed_at || job.updated_at;
    if (compact) facts.push(job.started_at ? `Started ${ago(job.started_at, now)}` : `Queued ${ago(job.created_at, now)} · never started`);
    else facts.push(`${job.status === 'succeeded' ? 'Finished' : 'Stopped'} at ${clock(at)} (${ago(at, now)})`);
    const ran = runSeconds(job);
    if (ran != null) facts.push(`took ${took(ran, job.attempt)}`);
    else if (!compact && !job.started_at) facts.push('never started');
    // The list names the file's figures as the card, the toast and the email do.
    const r = job.result;
    if (compact && job.status === 'succeeded' && r?.filename) {
      if (r.row_count != null) facts.push(count(r.row_count, 'row'));
      if (r.size_bytes != null) facts.push(bytes(r.size_bytes));
    }
  } else if (job.status === 'needs_action') {
    facts.push(`Waiting for you since ${ago(job.updated_at, now)}`);
  }
  return facts.join(' · ');
}

/**
 * The cells of a job's row in the jobs table, each a few words that read alone when rows stack on a phone:
 * `progress` ("45% · Time left: About 2 minutes", "Position 2 of 5 in line", "1,234 rows · 271 KB"),
 * `started` (["Started ", "2 min ago"] — the first part is the column's heading — and " (attempt 2)" after a retry, or
 * ["Never started"]) and `took` ("Running for 1 min 5 s", "took 26 s over 2 attempts").
 * @param {Job} job @param {number} now
 * @returns {{progress: string, started: string[], took: string}}
 */
export function rowCells(job, now) {
  const progress = [];
  let took = '';
  if (job.status === 'running') {
    const pct = progressOf(job);
    if (pct != null) progress.push(percent(pct));
    if (job.eta?.text) progress.push(`Time left: ${job.eta.text}`);
    took = elapsed(job, now) || '';
  } else if (job.status === 'pending') {
    if (isRetryWait(job)) progress.push(`Next attempt ${until(job.run_after, now)}`);
    else if (job.waiting_for) progress.push('Waiting for another job');
    else {
      if (inLine(job)) progress.push(`${placeInLine(job)} in line`);
      if (job.start_eta?.text) progress.push(`Starts: ${job.start_eta.text}`);
    }
    took = /** @type {string} */ (elapsed(job, now));
  } else if (job.status === 'needs_action') {
    progress.push('Needs your decision');
    took = `Waiting for you since ${ago(job.updated_at, now)}`;
  } else {
    const pct = progressOf(job);
    if (job.status !== 'succeeded' && pct != null && pct > 0 && pct < 100) progress.push(`Stopped at ${percent(pct)}`);
    const s = job.summary;
    if (s && s.failed > 0) {
      const w = typeWords(job);
      progress.push(`${number(s.succeeded)} ${w.sent || 'succeeded'}`, `${number(s.failed)} ${w.failed || 'failed'}`);
    }
    // The list names the file's figures as the card, the toast and the email do.
    const r = job.result;
    if (job.status === 'succeeded' && r?.filename) {
      if (r.row_count != null) progress.push(count(r.row_count, 'row'));
      if (r.size_bytes != null) progress.push(bytes(r.size_bytes));
    }
    const ran = runSeconds(job);
    took = ran != null ? `took ${tookFormat(ran, job.attempt)}` : '';
  }
  // started_at is the latest attempt's start; beside a duration over every attempt it says so ("Started 12 s ago
  // (attempt 2) · took 18 s over 2 attempts"), else the two read as a contradiction. A running job's duration cell
  // names its attempt already.
  const which = job.attempt > 1 && job.status !== 'running' ? [` (attempt ${number(job.attempt)})`] : [];
  const started = job.started_at ? ['Started ', ago(job.started_at, now), ...which]
    : [isTerminal(job.status) ? 'Never started' : 'Not started yet'];
  return { progress: progress.join(' · '), started, took };
}

/** Seconds a finished job ran over all its attempts (the API sums them), null when it never ran. @param {Job} job */
export function runSeconds(job) {
  if (job.run_seconds != null) return job.run_seconds;
  if (!job.started_at || !job.completed_at) return null;
  return (Date.parse(job.completed_at) - Date.parse(job.started_at)) / 1000;
}

/** The latest sign of life: a change, or the worker's heartbeat (a step job between steps changes nothing). @param {Job} job */
export function lastSign(job) {
  const times = [job.updated_at, job.heartbeat_at].filter(Boolean).map(t => Date.parse(/** @type {string} */ (t)));
  return times.length ? Math.max(...times) : null;
}

/**
 * The file a job produced: name, format, rows, size, how long the link works, and Download.
 * @param {Job} job @param {HTMLElement} host the element, for its events
 */
export function resultPanel(job, host) {
  const r = job.result;
  if (!r || !r.filename) return null;
  const card = h('div', { class: 'lr-card lr-file' });
  drawFile(card, job, r, host);
  // Kept outside the redrawn part, so a fresh link does not reload the preview.
  return h('div', { class: 'lr-result' }, card, r.url || r.filename ? resultPreview(job) : null);
}

/** @param {HTMLElement} card @param {Job} job @param {FileResult} r @param {HTMLElement} host */
function drawFile(card, job, r, host) {
  const facts = [format(r), r.row_count != null ? count(r.row_count, 'row') : null, r.size_bytes != null ? bytes(r.size_bytes) : null]
    .filter(Boolean).join(' · ');
  const expiry = r.url && r.expires_at ? expiresIn(r.expires_at) : r.url ? 'Ready to download' : null;
  const name = h('p', { class: 'lr-file-name' }, r.filename || 'result');
  if (r.url && expiry) {
    fill(card, name, h('p', { class: 'lr-file-facts' }, facts), h('p', { class: 'lr-file-expiry' }, expiry),
      h('a', { class: 'lr-button lr-primary', href: r.url, download: r.filename || true }, `Download ${r.filename}`));
    return;
  }
  // The signed link ran out (or none was given): offer a fresh one while the file is still kept.
  const note = h('p', { class: 'lr-file-expiry' }, 'This download link has expired.');
  const again = h('button', { type: 'button', class: 'lr-button lr-primary' }, 'Get a fresh link');
  again.addEventListener('click', async () => {
    again.setAttribute('disabled', '');
    text(again, 'Getting a fresh link…');
    try {
      const link = (await request('POST', `/api/jobs/${encodeURIComponent(job.id)}/result-link`)).data;
      // The job's copy of the result takes the new link too, so later redraws keep it.
      if (job.result) Object.assign(job.result, { url: link.url, expires_at: link.expires_at });
      drawFile(card, job, { ...r, ...link }, host);
      card.querySelector('a')?.focus();
    } catch (e) {
      text(note, e instanceof LongrunError ? e.message : 'A fresh link could not be made. Try again in a moment.');
      again.remove();
    }
  });
  fill(card, name, h('p', { class: 'lr-file-facts' }, facts), note, again);
}

/** @param {FileResult} r */
function format(r) {
  const t = (r.content_type || '').toLowerCase();
  if (t.includes('csv')) return 'CSV';
  if (t.includes('pdf')) return 'PDF';
  if (t.includes('html')) return 'HTML';
  if (t.includes('zip')) return 'ZIP';
  const ext = (r.filename || '').split('.').pop();
  return ext ? ext.toUpperCase() : null;
}

/**
 * A partly done job: exact counts, why items failed, and what helps: "Retry the 3 failed" when a retry can succeed;
 * for items that failed for good (the item API's `retryable: false`, "No email address") no retry bound to fail
 * again, but the page's fix view when it registered one (registerFixView) and the failed items as CSV.
 * @param {Job} job @param {any} host the <longrun-job>, whose restart('retry-failed') follows the new job
 */
export function failedItemsPanel(job, host) {
  const failed = job.summary?.failed || 0;
  const reasons = h('ul', { class: 'lr-reasons' }, h('li', {}, 'Loading the reasons…'));
  const w = typeWords(job);
  const retry = h('button', { type: 'button', class: 'lr-button lr-primary', hidden: true, onclick: () => host.restart('retry-failed') },
    `Retry the ${number(failed)} failed`);
  const fix = h('div', { class: 'lr-fix', hidden: true });
  const card = h('div', { class: 'lr-card lr-partial' },
    h('p', { class: 'lr-partial-title' }, partialTitle(job)),
    reasons, fix,
    h('div', { class: 'lr-actions' }, w.retryFailed === false ? null : retry,
      h('a', { class: 'lr-button', href: apiUrl(`/api/jobs/${encodeURIComponent(job.id)}/items?status=failed&format=csv`), download: true },
        `Download the ${w.failed || 'failed'} ${w.items || 'items'} (CSV)`)));
  request('GET', `/api/jobs/${encodeURIComponent(job.id)}/items?status=failed&limit=${REASON_SAMPLE}`).then(({ data }) => {
    const items = data?.items || [];
    fill(reasons, ...reasonLines(items, failed, w));
    const lasting = items.filter((/** @type {any} */ i) => i.retryable === false);
    // Offered once the reasons say it can help: every failed item may succeed on a second try.
    show(retry, lasting.length === 0 && items.length > 0);
    if (lasting.length === 0) return;
    const view = fixViewFor(job);
    const unit = count(lasting.length, (w.items || 'items').replace(/s$/, ''), w.items || 'items');
    const why = h('p', { class: 'lr-fix-why' }, lasting.length === failed
      ? `Retrying cannot help: ${lasting.length === 1 ? 'it fails' : 'they fail'} the same way until fixed.`
      : `${unit} cannot succeed on a retry until fixed.`,
    view ? ' Fix them here, then retry them.' : ' The CSV lists them to fix.');
    const el = view ? /** @type {any} */ (document.createElement(view)) : null;
    if (el) { el.job = job; el.items = lasting; }
    fill(fix, why, el);
    show(fix, true);
  }, () => fill(reasons, h('li', {}, 'The reasons could not be loaded; the CSV lists them.')));
  return card;
}

/** Failed items read to sum up their reasons; beyond these the CSV has them all. */
const REASON_SAMPLE = 1000;
/** Reasons listed before "… and N other reasons": a summary, not the list of every row. */
const REASONS_SHOWN = 10;

/**
 * The reasons items failed, each once with how many ("name is missing — 600 rows"), most common first; a row's own
 * number ("Row 52: ") is left out so rows that failed alike are counted together.
 * @param {{message?: string}[]} items @param {number} failed all failed items @param {ReturnType<typeof typeWords>} w
 */
function reasonLines(items, failed, w) {
  /** @type {Map<string, number>} */
  const byReason = new Map();
  for (const item of items) {
    const why = String(item.message || 'No reason given').replace(/\bRow \d+: /gi, '');
    byReason.set(why, (byReason.get(why) || 0) + 1);
  }
  const unit = (w.items || 'items').replace(/s$/, '');
  const sorted = [...byReason].sort((a, b) => b[1] - a[1]);
  const lines = sorted.slice(0, REASONS_SHOWN).map(([why, n]) => h('li', {}, n > 1 ? `${why} — ${count(n, unit, w.items || 'items')}` : why));
  const others = sorted.length - REASONS_SHOWN;
  if (others > 0) lines.push(h('li', { class: 'lr-hint' }, `… and ${count(others, 'other reason')}: the CSV lists every one.`));
  else if (failed > items.length) lines.push(h('li', { class: 'lr-hint' }, `Counted over the first ${number(items.length)}; the CSV lists all ${number(failed)}.`));
  return lines;
}

/** "Finished processing 50 invitations · 47 sent · 3 failed", or just "2 rows skipped" when the counts of
 * successes are not items (an import counts rows it imported elsewhere). @param {Job} job */
function partialTitle(job) {
  const s = /** @type {NonNullable<Job['summary']>} */ (job.summary);
  const w = typeWords(job);
  if (s.succeeded > 0 && w.items && job.status === 'succeeded') {
    return `Finished processing ${count(s.succeeded + s.failed, w.items.replace(/s$/, ''), w.items)} · ${number(s.succeeded)} ${w.sent || 'succeeded'} · ${number(s.failed)} ${w.failed || 'failed'}`;
  }
  return failedCount(job, s.failed);
}

/**
 * "Show details": the job ID to copy for support, times, attempts, and the job's log. Built once per job,
 * then only its figures change, so focus on "Copy job ID" survives live updates.
 * @param {Job} job @param {HTMLDetailsElement} details
 */
export function detailsPanel(job, details) {
  if (details.dataset.jobId !== job.id) {
    details.dataset.jobId = job.id;
    const code = h('code', { class: 'lr-id' }, job.id);
    const copy = h('button', { type: 'button', class: 'lr-button lr-small' }, 'Copy job ID');
    copy.addEventListener('click', async () => {
      try {
        await navigator.clipboard.writeText(job.id);
        text(copy, 'Copied');
      } catch {
        getSelection()?.selectAllChildren(code);
        text(copy, 'Selected — press Ctrl+C');
      }
      setTimeout(() => text(copy, 'Copy job ID'), 3000);
    });
    fill(details, h('summary', {}, 'Show details'),
      h('div', { class: 'lr-details-body' },
        h('p', { class: 'lr-id-line' }, 'Job ID (for support): ', code, ' ', copy),
        h('dl', { class: 'lr-facts-list' }),
        h('h3', { class: 'lr-log-title' }, 'Log'),
        h('ol', { class: 'lr-log' })));
  }
  const dl = /** @type {HTMLElement} */ (details.querySelector('dl'));
  /** @type {[string, string|null|undefined][]} */
  const rows = [
    ['Type', job.type],
    ['Created', job.created_at && `${clock(job.created_at)} (${new Date(job.created_at).toLocaleDateString()})`],
    ['Started', job.started_at && clock(job.started_at)],
    ['Finished', job.completed_at && clock(job.completed_at)],
    ['Attempts', `${job.attempt} of ${job.max_attempts}`],
    ['Error code', job.error?.code],
    ['Retry of', job.retry_of],
  ];
  fill(dl, ...rows.filter(([, v]) => v).flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, String(v))]));
  if (details.open) loadLog(job, /** @type {HTMLElement} */ (details.querySelector('.lr-log')));
}

/** @param {Job} job @param {HTMLElement} list */
function loadLog(job, list) {
  request('GET', `/api/jobs/${encodeURIComponent(job.id)}/logs?limit=100`).then(({ data }) => {
    const logs = data?.logs || [];
    if (!logs.length) { fill(list, h('li', {}, 'Nothing logged yet.')); return; }
    fill(list, ...logs.map((/** @type {any} */ l) =>
      h('li', { class: `lr-log-${l.level}` }, h('time', { datetime: l.timestamp }, clock(l.timestamp)), ' ', l.message)));
  }, e => fill(list, h('li', {}, e.message)));
  show(list, true);
}
