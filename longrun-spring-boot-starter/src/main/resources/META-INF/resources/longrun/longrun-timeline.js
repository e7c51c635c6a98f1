// <longrun-timeline job-id="…">: what happened to a job, newest on top — queued, each attempt with its start,
// duration and outcome (a failed one with its error and when it retried), each step, each decision asked for, and
// the end with its result. Read from GET /api/jobs/{id}/timeline, refreshed when the job moves on; the step
// running now shows its own progress live. The job page shows it under the job's card.

import { request, watchJob } from './longrun-client.js';
import { ensureStyles, fill, h, text } from './longrun-dom.js';
import { clock, percent, took, until } from './longrun-format.js';
import { icon } from './longrun-icons.js';
import { isTerminal, outcome } from './longrun-words.js';

/** @typedef {import('./longrun-client.js').Job} Job */
/**
 * @typedef {{kind: 'status'|'step', status: string, from_status?: string|null, attempt: number, at: string,
 *   attempt_started_at?: string|null, message?: string|null, run_after?: string|null, step?: number|null,
 *   total_steps?: number|null}} JobEvent
 */
/** @typedef {{tone: string, title: string, detail?: string|null, at: string, took?: string|null}} Entry */

/** Events: `longrun-timeline-loaded` (detail: {count}) after each load. */
export class LongrunTimeline extends HTMLElement {
  static observedAttributes = ['job-id'];

  /** @param {string} [tag] @param {CustomElementRegistry} [registry] */
  static define(tag = 'longrun-timeline', registry = customElements) {
    if (!registry.get(tag)) registry.define(tag, this);
    return this;
  }

  #unwatch = /** @type {(() => void)|null} */ (null);
  #events = /** @type {JobEvent[]} */ ([]);
  #job = /** @type {Job|null} */ (null);
  #loadedFor = '';
  #ticker = /** @type {ReturnType<typeof setInterval>|null} */ (null);
  #list = h('ol', { class: 'lr-timeline-list' });
  // Hidden until there is a job to tell about: a link to no job shows no "What happened" over an empty list.
  #section = h('section', { class: 'lr-timeline', 'aria-label': 'What happened', hidden: '' },
    h('h2', { class: 'lr-timeline-title' }, 'What happened'), this.#list);

  connectedCallback() {
    ensureStyles();
    fill(this, this.#section);
    this.#follow();
    // Countdowns ("retrying in 12 s") and the running step's duration move with the clock.
    this.#ticker = setInterval(() => { if (this.#job && !isTerminal(this.#job.status)) this.#render(); }, 1000);
  }

  disconnectedCallback() {
    this.#unwatch?.();
    this.#unwatch = null;
    if (this.#ticker) clearInterval(this.#ticker);
  }

  attributeChangedCallback() {
    if (this.isConnected) this.#follow();
  }

  #follow() {
    this.#unwatch?.();
    const id = this.getAttribute('job-id');
    this.#job = null;
    this.#events = [];
    this.#loadedFor = '';
    this.#section.hidden = true;
    if (!id) { fill(this.#list); return; }
    this.#unwatch = watchJob(id, job => {
      this.#job = job;
      this.#section.hidden = false;
      // Reload on what adds an event (a status, an attempt, a step); progress only redraws the live line.
      const key = `${job.id}|${job.status}|${job.attempt}|${job.current_step ?? ''}`;
      if (key !== this.#loadedFor) { this.#loadedFor = key; this.#load(job.id); }
      else this.#render();
    });
  }

  /** @param {string} id */
  async #load(id) {
    try {
      const { data } = await request('GET', `/api/jobs/${encodeURIComponent(id)}/timeline`);
      if (this.getAttribute('job-id') !== id) return;
      this.#events = data?.events || [];
      this.#render();
      this.dispatchEvent(new CustomEvent('longrun-timeline-loaded', { detail: { count: this.#events.length }, bubbles: true, composed: true }));
    } catch {
      fill(this.#list, h('li', { class: 'lr-timeline-empty' }, 'The history of this job could not be loaded. The status above is current.'));
    }
  }

  #render() {
    const job = this.#job;
    if (!job) return;
    const entries = entriesOf(this.#events, job, Date.now()).reverse();
    fill(this.#list, ...entries.map(e => h('li', { class: `lr-event lr-event-${e.tone}` },
      h('span', { class: 'lr-event-mark', 'aria-hidden': 'true' }, icon(e.tone)),
      h('div', { class: 'lr-event-body' },
        h('p', { class: 'lr-event-title' }, e.title),
        e.detail ? h('p', { class: 'lr-event-detail' }, e.detail) : null),
      h('p', { class: 'lr-event-time' }, h('time', { datetime: e.at }, clock(e.at)), e.took ? ` · ${e.took}` : ''))));
  }
}

/**
 * The timeline's entries, oldest first, from the recorded events and the job as it is now.
 * @param {JobEvent[]} events @param {Job} job @param {number} now
 * @returns {Entry[]}
 */
export function entriesOf(events, job, now) {
  /** @type {Entry[]} */
  const out = [];
  events.forEach((e, i) => {
    // A step lasts until whatever came next (the next step, or its attempt's end).
    const next = events[i + 1];
    if (e.kind === 'step') {
      const ended = next ? Date.parse(next.at) : now;
      const running = !next && job.status === 'running';
      const own = running && job.progress_pct != null ? ` · ${percent(job.progress_pct)}` : '';
      out.push({ tone: running ? 'running' : 'step', title: `Step ${e.step} of ${e.total_steps}${own}`, detail: e.message,
        at: e.at, took: running ? `running for ${took((ended - Date.parse(e.at)) / 1000)}` : `took ${took((ended - Date.parse(e.at)) / 1000)}` });
      return;
    }
    out.push(statusEntry(e, job, now, !!next));
  });
  return out;
}

/** @param {JobEvent} e @param {Job} job @param {number} now @param {boolean} superseded */
function statusEntry(e, job, now, superseded) {
  // "took under 1 s", never "0 s", as on the card and in the list (longrun-format.js took()).
  const ran = e.attempt_started_at && e.from_status === 'running' ? took((Date.parse(e.at) - Date.parse(e.attempt_started_at)) / 1000) : null;
  // Attempts are numbered only when there was more than one.
  const attempts = job.attempt > 1 ? ` ${e.attempt} of ${job.max_attempts}` : '';
  switch (e.status) {
    case 'pending':
      if (e.from_status === 'running') {
        const when = !superseded && e.run_after ? `Retrying ${until(e.run_after, now)} — no need to start over.` : 'It was retried automatically.';
        const why = (e.message || 'A temporary problem').replace(/[.!]?$/, '.');
        return { tone: 'failed', title: `Attempt${attempts} failed`, detail: `${why} ${when}`, at: e.at, took: ran && `took ${ran}` };
      }
      if (e.from_status === 'needs_action') return { tone: 'decision', title: 'You confirmed — it goes on', at: e.at };
      return { tone: 'queued', title: 'Queued', detail: job.waiting_for && !superseded ? 'Waits for another job to finish first.' : null, at: e.at };
    case 'running':
      return { tone: superseded ? 'step' : 'running', title: attempts ? `Attempt${attempts} started` : 'Started', at: e.at };
    case 'needs_action':
      return { tone: 'decision', title: 'Waiting for your decision', detail: e.message, at: e.at, took: ran && `took ${ran}` };
    case 'succeeded':
      return { tone: 'succeeded', title: 'Completed', detail: outcome(job), at: e.at, took: ran && (attempts ? `attempt took ${ran}` : `took ${ran}`) };
    case 'failed':
      return { tone: 'failed', title: e.from_status === 'running' ? `Attempt${attempts} failed — stopped` : 'Failed', detail: e.message, at: e.at, took: ran && `took ${ran}` };
    case 'cancelled':
      return { tone: 'cancelled', title: e.from_status === 'pending' && !e.attempt ? 'Cancelled before it started' : 'Cancelled', detail: e.message, at: e.at };
    default:
      return { tone: 'step', title: e.status, at: e.at };
  }
}
