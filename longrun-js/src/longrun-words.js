// The plain words of the status screens, in one place so every element says the same thing.
// Used by the longrun-* elements (served under /longrun/), and by apps of their own as `@longrun/client/words`:
// a React page that shows sentence(job) and barOf(job) says and draws what the <longrun-job> card does.

import { count, number, percent, position, took, until } from './longrun-format.js';
import { isTerminal } from './longrun-status.js';

// The numbers live in the formatting module, shared by every element and twinned in Java for the emails.
export { ago, bytes, clock, count, duration, expiresIn, number, percent } from './longrun-format.js';

/** @typedef {import('./longrun-client.js').Job} Job */

export { isTerminal };

/** The six headline labels; the API sends status_label too, this is the fallback. */
export const LABELS = {
  pending: 'Queued',
  running: 'In progress',
  needs_action: 'Needs action',
  succeeded: 'Completed',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

/**
 * The job types as GET /api/job-types describes them, by name: each declares its own words (`words`: icon,
 * running, done, noun, items, items_done, items_failed) and whether it can retry only its failed items
 * (`retry_failed`). Filled by the elements from `jobTypes()` of longrun-client.js, fetched once per page.
 * @type {Record<string, any>}
 */
let knownTypes = {};

/** Called by the elements when the job types arrived: `jobTypes().then(rememberTypes)`. @param {Record<string, any>} byName */
export function rememberTypes(byName) {
  knownTypes = byName;
}

/**
 * How a job's type is spoken of: its declared words, else its label and neutral words (also before the types
 * have loaded; the elements render again once they have).
 * @param {Job} job
 * @returns {{icon: string, running: string, done: string, noun: string, items?: string, sent?: string, failed?: string, retryFailed?: boolean, startOver: string}}
 */
export function typeWords(job) {
  const type = knownTypes[job.type];
  const w = type?.words || {};
  const label = job.type_label || job.type;
  return {
    icon: w.icon || '●',
    running: w.running || label,
    done: w.done || `${label} complete`,
    noun: w.noun || 'job',
    items: w.items || undefined,
    sent: w.items_done || undefined,
    failed: w.items_failed || undefined,
    retryFailed: type ? type.retry_failed : undefined,
    startOver: w.start_over || 'Start over',
  };
}

/** "3 invitations failed", "2 rows skipped". @param {Job} job @param {number} n */
export function failedCount(job, n) {
  const w = typeWords(job);
  const plural = w.items || 'items';
  return `${count(n, plural.replace(/s$/, ''), plural)} ${w.failed || 'failed'}`;
}

/** @param {Job} job */
export function typeLabel(job) {
  return job.type_label || job.type;
}

/**
 * The one sentence under the label: what is happening now, in plain words.
 * @param {Job} job @param {number} [now]
 * @returns {string}
 */
export function sentence(job, now = Date.now()) {
  switch (job.status) {
    case 'pending':
      if (job.cancel_requested) return 'Stopping — your cancel was received.';
      // <longrun-job> names and links the job it waits for; this is the sentence without it.
      if (job.waiting_for) return 'Waiting for your earlier job to finish.';
      if (isRetryWait(job)) return retrySentence(job, now);
      if (job.queue_position === 1) return 'Next in line — it starts as soon as a slot frees up.';
      if (inLine(job)) return 'Waiting for the jobs ahead of it to start.';
      return 'Waiting to start.';
    case 'running':
      if (job.cancel_requested) return 'Stopping — your cancel was received.';
      return job.progress_message || 'Working on it.';
    case 'needs_action':
      return job.action?.message || 'Waiting for your decision before it goes on.';
    case 'succeeded':
      return outcome(job);
    case 'failed':
      return job.error_message || 'It stopped before it finished.';
    case 'cancelled':
      return job.started_at ? 'Cancelled before it finished.' : 'Cancelled before it started.';
    default:
      return job.progress_message || '';
  }
}

/**
 * What the job works on, to tell it from others of its type: its file, its query, its title, or how many items it
 * covers ("contacts-2026-11-28.csv", "matching “acme”", "50 recipients"); empty when nothing says.
 * @param {Job} job
 */
export function subjectOf(job) {
  /** @type {Record<string, any>} */
  const p = /** @type {any} */ (job.params) || {};
  // What the person gave first (their file, query, title, list), then what the job made. A file the job was given by
  // reference (an upload's id) is named by the job: in its preview while it asks, in its result's data once done.
  const input = job.action?.preview?.filename || p.filename || job.result?.data?.filename;
  if (input) return String(input);
  if (typeof p.query === 'string' && p.query.trim()) return `matching “${p.query.trim()}”`;
  if (typeof p.title === 'string' && p.title.trim()) return `“${p.title.trim()}”`;
  const list = Object.entries(p).find(([k, v]) => Array.isArray(v) && /ids$|recipients$|emails$/.test(k));
  if (list) return count(list[1].length, 'recipient');
  return job.result?.filename ? String(job.result.filename) : '';
}

/**
 * Has a place in its queue's line: a position, or one past the part of a long line the server counted
 * (`queue_more_than`, then the position is null). A job waiting for another job has none.
 * @param {Job} job
 */
export function inLine(job) {
  return job.status === 'pending' && !job.waiting_for && (job.queue_position != null || job.queue_more_than != null);
}

/**
 * The place in line as every screen writes it: "Position 4 of 12", "Position 4 of more than 1,000", "Position over
 * 1,000"; '' for a job not in line.
 * @param {Job} job
 */
export function placeInLine(job) {
  return inLine(job) ? `Position ${position(job.queue_position, job.queue_size, job.queue_more_than)}` : '';
}

/** Queued again after a failed attempt, waiting out the backoff before the next. @param {Job} job */
export function isRetryWait(job) {
  return job.status === 'pending' && job.attempt >= 1 && !job.waiting_for;
}

/**
 * "Attempt 1 of 3 failed: The mail server did not answer. Retrying in 12 s — no need to start over."
 * @param {Job} job @param {number} [now]
 */
export function retrySentence(job, now = Date.now()) {
  const why = job.error_message ? `: ${job.error_message.replace(/\.$/, '')}` : '';
  return `Attempt ${number(job.attempt)} of ${number(job.max_attempts)} failed${why}. Retrying ${until(job.run_after, now)} — no need to start over.`;
}

/**
 * The jobs list's note on the jobs a cancel asked to stop, true at each moment: "Cancelling 12 jobs: 9 cancelled,
 * 3 still stopping…", then "12 jobs cancelled." — or, for those that finished before the cancel reached them, says so.
 * @param {number} cancelled @param {number} finished before the cancel reached them @param {number} left still stopping
 */
export function cancelNote(cancelled, finished, left) {
  const n = cancelled + finished + left;
  if (left) {
    const done = [cancelled && `${number(cancelled)} cancelled`, finished && `${number(finished)} finished first`].filter(Boolean);
    return n === 1 ? 'Cancelling 1 job…' : `Cancelling ${count(n, 'job')}: ${[...done, `${number(left)} still stopping…`].join(', ')}`;
  }
  const them = finished === 1 ? 'it' : 'them';
  if (!cancelled) return `${finished === 1 ? 'The job' : count(finished, 'job')} finished before the cancel reached ${them}.`;
  return finished ? `${count(cancelled, 'job')} cancelled; ${number(finished)} finished before the cancel reached ${them}.`
    : `${count(cancelled, 'job')} cancelled.`;
}

/**
 * How long a running job has run ("Running for 1 min 5 s", "Attempt 2 running for 3 s") or a queued one has waited
 * ("Waiting for 12 s"), for the card and the list alike; null for a job in another state. Worded as a finished job's
 * duration is (took()): its first second is "under 1 s", never "0 s" beside a finished job's "took under 1 s".
 * @param {Job} job @param {number} [now]
 * @returns {string|null}
 */
export function elapsed(job, now = Date.now()) {
  if (job.status === 'running' && job.started_at) {
    const running = took((now - Date.parse(job.started_at)) / 1000);
    return job.attempt > 1 ? `Attempt ${number(job.attempt)} running for ${running}` : `Running for ${running}`;
  }
  if (job.status === 'pending') return `Waiting for ${took((now - Date.parse(job.created_at)) / 1000)}`;
  return null;
}

/**
 * How far the job is, 0–100, or null when nothing is counted: its counted progress, or for a step job the steps
 * done (plus the current step's own counted progress, when it reports one).
 * @param {Job} job
 * @returns {number|null}
 */
export function progressOf(job) {
  if (job.status === 'succeeded') return 100;
  const steps = job.total_steps;
  const step = job.current_step;
  if (steps && step && steps > 0) {
    const within = job.progress_pct != null ? job.progress_pct / 100 : 0;
    return Math.min(100, ((Math.max(1, step) - 1 + within) / steps) * 100);
  }
  return job.progress_pct ?? null;
}

/**
 * The progress bar as the cards draw it: whether it shows, its value (null: the sliding bar that claims nothing) and
 * what a screen reader hears. A job that works or waits in line has one; one waiting to retry or for another job has
 * none (it is not working), nor one waiting for a decision; a stopped job keeps it only when it says how far it got
 * (neither nothing nor everything); a finished one is full in a list's row and has none on its own card.
 * @param {Job} job @param {boolean} [compact] a row of a list rather than the job's own card
 * @returns {{shown: boolean, value: number|null, text: string}}
 */
export function barOf(job, compact = false) {
  const active = !isTerminal(job.status) && job.status !== 'needs_action';
  const pct = progressOf(job);
  const partWay = pct != null && pct > 0 && pct < 100 && (job.status === 'failed' || job.status === 'cancelled');
  const waiting = job.status === 'pending' && (isRetryWait(job) || !!job.waiting_for);
  const shown = (active && !waiting) || (job.status === 'succeeded' && compact) || partWay;
  const steps = job.total_steps && job.current_step ? `, step ${job.current_step} of ${job.total_steps}` : '';
  if (job.status === 'succeeded') return { shown, value: 100, text: 'Completed' };
  if (pct != null && job.status === 'running') return { shown, value: pct, text: `${percent(pct)}${steps}` };
  if (pct != null) return { shown, value: pct, text: `${percent(pct)}, stopped` };
  return { shown, value: null, text: job.status === 'pending' ? 'Waiting to start' : 'In progress, no percentage available' };
}

/** "Finished processing 50 invitations · 47 sent · 3 failed" or the result's own message. @param {Job} job */
export function outcome(job) {
  const s = job.summary;
  if (job.result?.message) return job.result.message;
  if (s && s.failed > 0) {
    const w = typeWords(job);
    const total = s.succeeded + s.failed + (s.skipped || 0);
    const parts = [`Finished processing ${count(total, (w.items || 'item').replace(/s$/, ''), w.items || 'items')}`,
      `${number(s.succeeded)} ${w.sent || 'succeeded'}`, `${number(s.failed)} ${w.failed || 'failed'}`];
    if (s.skipped) parts.push(`${number(s.skipped)} skipped`);
    return parts.join(' · ');
  }
  if (job.result?.filename) return 'Your file is ready.';
  return 'Done.';
}

/** True when the job finished but some items failed. @param {Job} job */
export function isPartial(job) {
  return job.status === 'succeeded' && !!job.summary && job.summary.failed > 0;
}

/** A failure a retry with the same inputs cannot cure (the job said so): the way on is to start over. @param {Job} job */
export function isPermanentFailure(job) {
  return job.status === 'failed' && job.error?.retryable === false;
}

/** The next step after a failure, said plainly. @param {Job} job */
export function nextStep(job) {
  if (isPermanentFailure(job)) {
    const again = typeWords(job).startOver;
    return again === 'Start over'
      ? 'Nothing is running now. Running it again as it is would fail the same way: fix what the message says, then start over — your inputs are kept.'
      : `Nothing is running now. Running it again as it is would fail the same way: use “${again}” to go on.`;
  }
  return 'Nothing is running now. Retry runs it again with the same inputs, or start over to change them.';
}

/** The tab title: "Queued · Export contacts", "(45%) Exporting contacts…", "✓ Export complete". @param {Job} job */
export function tabTitle(job) {
  const w = typeWords(job);
  switch (job.status) {
    case 'running':
    {
      const pct = progressOf(job);
      return `${pct != null ? `(${percent(pct)}) ` : ''}${w.running}…`;
    }
    case 'pending':
      // In line or waiting to retry: the card says "Queued", and so does the tab, not "Exporting contacts…".
      return `Queued · ${typeLabel(job)}`;
    case 'needs_action':
      return `● ${typeLabel(job)} needs your decision`;
    case 'succeeded':
      return isPartial(job) ? `✓ ${w.done} (some failed)` : `✓ ${w.done}`;
    case 'failed':
      return `✕ ${typeLabel(job)} failed`;
    case 'cancelled':
      return `${typeLabel(job)} cancelled`;
    default:
      return typeLabel(job);
  }
}
