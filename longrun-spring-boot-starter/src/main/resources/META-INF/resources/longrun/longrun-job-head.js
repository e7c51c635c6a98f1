// The head of <longrun-job>: the job named by what it works on ("Export contacts — matching “acme”"), its id as
// a chip to copy for support, and the sentence of a job waiting for another, which names and links that job.

import { fill, h, text } from './longrun-dom.js';
import { clock } from './longrun-format.js';
import { icon } from './longrun-icons.js';
import { sentence, subjectOf, typeLabel } from './longrun-words.js';

/** @typedef {import('./longrun-client.js').Job} Job */

/**
 * A row of the jobs table has no id chip: a job with nothing to name it by carries its short id instead, so ten
 * "Demo: wait" rows can be told apart (and matched with the chip on the job's page). The short id is the id's end:
 * ids are time-ordered (UUIDv7), so jobs started together share their first digits.
 * @param {{title: HTMLElement, chip: HTMLElement}} parts @param {Job} job @param {() => void} _copy @param {boolean} [compact]
 */
export function drawTitle(parts, job, _copy, compact = false) {
  const subject = subjectOf(job) || (compact ? `Job ${shortId(job)}` : '');
  const key = `${typeLabel(job)}|${subject}`;
  if (parts.title.dataset.key !== key) {
    parts.title.dataset.key = key;
    fill(parts.title, typeLabel(job), subject ? h('span', { class: 'lr-subject' }, ` — ${subject}`) : null);
  }
  if (parts.chip.dataset.id !== job.id) {
    parts.chip.dataset.id = job.id;
    fill(parts.chip, icon('copy'), `Job ${shortId(job)}`);
    parts.chip.setAttribute('aria-label', `Copy job ID ${job.id}`);
    parts.chip.title = 'Copy the job ID, for support';
  }
}

/** The last 8 digits of the id: its random part, unlike the first digits (a timestamp) of a time-ordered id. @param {Job} job */
export function shortId(job) {
  return job.id.replace(/-/g, '').slice(-8);
}

/** Copies the id; where the clipboard is refused, shows the whole id to select. @param {{chip: HTMLElement}} parts @param {Job} job @param {() => void} redraw */
export async function copyJobId(parts, job, redraw) {
  try {
    await navigator.clipboard.writeText(job.id);
    fill(parts.chip, icon('copy'), 'Copied');
  } catch {
    fill(parts.chip, icon('copy'), job.id);
  }
  setTimeout(() => { parts.chip.dataset.id = ''; redraw(); }, 2500);
}

/**
 * "Waiting for Export contacts (started 14:02) to finish", the name a link to that job; until the other job is
 * known, the plain sentence, and asks for it.
 * @param {HTMLElement} el @param {Job} job @param {Job|null} known @param {(dep: Job) => string} href
 * @param {(id: string) => void} fetchDependency
 */
export function drawDependency(el, job, known, href, fetchDependency) {
  const dep = known?.id === job.waiting_for ? known : null;
  if (!dep) {
    delete el.dataset.dependency;
    text(el, sentence(job));
    fetchDependency(/** @type {string} */ (job.waiting_for));
    return;
  }
  const when = dep.started_at ? `started ${clock(dep.started_at)}` : `queued ${clock(dep.created_at)}`;
  const key = `${dep.id}|${when}`;
  if (el.dataset.dependency === key && el.querySelector('a')) return;
  el.dataset.dependency = key;
  fill(el, 'Waiting for ', h('a', { class: 'lr-dependency', href: href(dep) }, `${typeLabel(dep)} (${when})`),
    ' to finish. It starts by itself after that.');
}
