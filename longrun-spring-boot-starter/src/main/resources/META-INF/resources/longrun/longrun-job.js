// <longrun-job job-id="…" mode="compact|expanded">: one job's status for a person, live. The expanded
// panel answers what is happening, how long it may take, whether one may leave, and where the result is;
// the compact row is what the jobs list shows. Used by the dashboard pages and by host applications.

import { LongrunError, getJob, hub, jobAction, jobTypes, watchJob } from './longrun-client.js';
import { confirmDialog, ensureStyles, fill, fire, h, liveRegion, show, text } from './longrun-dom.js';
import { detailsPanel, drawBar, factsLine, lastSign, rowCells } from './longrun-job-parts.js';
import { drawActions, drawOutcome } from './longrun-job-actions.js';
import { icon } from './longrun-icons.js';
import { ago, clock } from './longrun-format.js';
import { LABELS, inLine, isRetryWait, isTerminal, nextStep, number, placeInLine, rememberTypes, sentence, typeLabel, typeWords } from './longrun-words.js';
import { copyJobId, drawDependency, drawTitle } from './longrun-job-head.js';
import { LongrunImportPreview } from './longrun-import-preview.js';

/** @typedef {import('./longrun-client.js').Job} Job */

/**
 * Events: `longrun-change` (detail: job) on every change, `longrun-finished` once terminal,
 * `longrun-retried` (detail: {from, job}) after Retry or "Retry the failed" started a new job (the element then
 * follows the new job), `longrun-start-over` (detail: {job}, cancelable) for the page to go back to its form.
 */
export class LongrunJob extends HTMLElement {
  static observedAttributes = ['job-id', 'mode', 'starting', 'detail-href'];

  /** @param {string} [tag] @param {CustomElementRegistry} [registry] */
  static define(tag = 'longrun-job', registry = customElements) {
    LongrunImportPreview.define(undefined, registry);
    if (!registry.get(tag)) registry.define(tag, this);
    return this;
  }

  constructor() {
    super();
    /** @type {Job|null} */
    this.job = null;
    /** @type {string|null} */
    this.problem = null;
    this.cancelling = false;
    /** @type {any} */
    this.typeInfo = null;
    /** @type {(() => void)|null} */
    this.unwatch = null;
    /** @type {ReturnType<typeof setInterval>|null} */
    this.ticker = null;
    this.pending = false;
    this.built = false;
    this.finishedFired = false;
    /** @type {import('./longrun-client.js').Connection} */
    this.connection = 'connecting';
    /** @type {(() => void)|null} */
    this.unconnect = null;
    /** The job this one waits for, to name and link it. @type {Job|null} */
    this.dependency = null;
    this.dependencyAsked = '';
    // A fix view (registerFixView) fixed what made items fail for good, and asks to run those items again.
    this.addEventListener('longrun-retry-fixed', e => { e.stopPropagation(); this.restart('retry-failed'); });
  }

  get jobId() { return this.getAttribute('job-id') || ''; }
  set jobId(v) { this.setAttribute('job-id', v); }
  get mode() { return this.getAttribute('mode') === 'compact' ? 'compact' : 'expanded'; }

  /** Give a job the page already has (e.g. from the list), so the element need not fetch it first. */
  set initialJob(/** @type {Job} */ job) {
    hub.publish(job);
  }

  connectedCallback() {
    ensureStyles();
    this.build();
    this.follow();
    this.ticker = setInterval(() => this.tick(), 1000);
    this.unconnect = hub.onConnection(c => {
      this.connection = c;
      // Signed out (hub.stop()): the job shown was the previous user's; the watch stays and asks again after configure().
      if (c === 'stopped' && (this.job || this.problem)) { this.job = null; this.problem = null; this.update(); }
      if (this.job) this.renderFacts(this.job);
    });
    // A token handed over after a refused first fetch (configure()): ask again.
    this.onConfigured = () => { if (this.problem) { this.problem = null; this.follow(); } };
    window.addEventListener('longrun:configured', this.onConfigured);
  }

  disconnectedCallback() {
    this.unwatch?.();
    this.unwatch = null;
    this.unconnect?.();
    if (this.onConfigured) window.removeEventListener('longrun:configured', this.onConfigured);
    if (this.ticker) clearInterval(this.ticker);
  }

  /** @param {string} name @param {string|null} old @param {string|null} value */
  attributeChangedCallback(name, old, value) {
    if (old === value || !this.built) return;
    if (name === 'job-id') {
      this.job = null;
      this.problem = null;
      this.cancelling = false;
      this.finishedFired = false;
      this.follow();
    } else if (name === 'mode' || name === 'detail-href') {
      this.built = false;
      this.build();
    }
    this.update();
  }

  follow() {
    this.unwatch?.();
    this.unwatch = null;
    if (!this.jobId || !this.isConnected) { this.update(); return; }
    const id = this.jobId;
    this.unwatch = watchJob(id, {
      onChange: job => { if (id === this.jobId) this.receive(job); },
      onError: e => {
        if (id !== this.jobId) return;
        // A cut-short or mistyped id (400) is a link problem to the person, not the API's words about UUIDs.
        this.problem = e.status === 404
          ? 'We can’t find this job. It may belong to someone else, or it was removed after it finished.'
          : e.status === 400 && !this.job ? 'This link does not lead to a job. It may have been cut short when it was copied.'
          : !this.job ? e.message : 'The connection dropped; showing the last known status while the page reconnects.';
        this.update();
      },
    });
    this.update();
  }

  /** @param {Job} job */
  receive(job) {
    const before = this.job;
    this.job = job;
    this.problem = null;
    if (isTerminal(job.status)) {
      // A cancel that lost the race to the finish: say so, the result stands.
      if (job.status === 'succeeded' && (this.cancelling || before?.cancel_requested)) {
        this.note('It finished before the cancel reached it, so nothing was cancelled. The result is below.', 'cancel-late');
      }
      this.cancelling = false;
    }
    if (!this.typeInfo) jobTypes().then(types => { rememberTypes(types); this.typeInfo = types[job.type] || {}; this.update(); });
    // Rows of a list stay quiet: the toasts announce finished jobs once for the whole page.
    if (before && before.status !== job.status && this.mode === 'expanded') {
      text(this.parts.live, `${typeLabel(job)}: ${job.status_label || LABELS[job.status]}. ${sentence(job)}`);
    }
    this.update();
    fire(this, 'longrun-change', job);
    if (isTerminal(job.status) && !this.finishedFired) {
      this.finishedFired = true;
      fire(this, 'longrun-finished', job);
    }
  }

  // ---- skeleton ----------------------------------------------------------------------------------------

  build() {
    if (this.built) return;
    this.built = true;
    const compact = this.mode === 'compact';
    const p = {
      live: liveRegion(),
      icon: h('span', { class: 'lr-icon', 'aria-hidden': 'true' }),
      title: h(compact ? (this.hasAttribute('detail-href') ? 'a' : 'span') : 'h2', { class: 'lr-title' }),
      badge: h('span', { class: 'lr-badge' }),
      chip: h('button', { type: 'button', class: 'lr-chip', onclick: () => this.copyId() }),
      sentence: h('p', { class: 'lr-sentence' }),
      bar: h('div', { class: 'lr-bar', role: 'progressbar', 'aria-valuemin': '0', 'aria-valuemax': '100' }, h('div', { class: 'lr-fill' })),
      facts: h('p', { class: 'lr-facts' }),
      started: h('p', { class: 'lr-started' }),
      took: h('p', { class: 'lr-took' }),
      cleared: h('span', { class: 'lr-cleared' }, 'Cleared'),
      queue: h('p', { class: 'lr-queue' }),
      attempt: h('p', { class: 'lr-attempt' }),
      leave: h('p', { class: 'lr-leave' }, 'You can leave this page — we’ll notify you when it’s ready.'),
      special: h('div', { class: 'lr-special' }),
      next: h('p', { class: 'lr-next' }),
      cancel: h('button', { type: 'button', class: 'lr-button lr-danger', onclick: () => this.askCancel() }),
      retry: h('button', { type: 'button', class: 'lr-button lr-primary', onclick: () => this.retry() }, 'Retry'),
      startOver: h('button', { type: 'button', class: 'lr-button', onclick: () => this.startOver() }, 'Start over'),
      review: h('a', { class: 'lr-button lr-primary' }, 'Review'),
      download: h('a', { class: 'lr-button lr-primary', download: true }),
      actionNote: h('p', { class: 'lr-action-note', role: 'alert' }),
      effect: h('p', { class: 'lr-effect' }),
      updated: h('p', { class: 'lr-updated' }),
      details: h('details', { class: 'lr-details' }),
      dialog: h('dialog', { class: 'lr-dialog' }),
    };
    this.parts = p;
    p.details.addEventListener('toggle', () => { if (p.details.open) this.renderDetails(true); });
    const actions = h('div', { class: 'lr-actions' }, p.cancel, p.retry, p.startOver, p.review, p.download);
    // The compact row is one line of the jobs table: status, what it works on, progress, started, duration, actions.
    const body = compact
      ? [h('div', { class: 'lr-cell-status' }, p.icon, p.badge),
        h('div', { class: 'lr-cell-name' }, h('div', { class: 'lr-row-title' }, p.title, p.cleared), p.sentence),
        h('div', { class: 'lr-cell-progress' }, p.bar, p.facts), p.started, p.took, actions, p.actionNote, p.dialog]
      : [h('header', { class: 'lr-head' }, p.icon, p.title, p.cleared, p.badge, p.chip), p.sentence, p.bar, p.facts, p.queue, p.attempt,
        p.leave, p.special, p.next, actions, p.effect, p.actionNote, p.updated, p.details, p.dialog];
    fill(this, h('div', { class: `lr-job lr-${this.mode}` }, p.live, ...body));
    this.update();
  }

  // ---- rendering ---------------------------------------------------------------------------------------

  update() {
    if (!this.built) return;
    const p = this.parts;
    const job = this.job;
    const root = /** @type {HTMLElement} */ (this.firstElementChild);
    if (!job) {
      this.renderWaiting();
      return;
    }
    const w = typeWords(job);
    root.dataset.status = job.status;
    show(p.badge, true);
    show(p.chip, true);
    this.renderIcon(statusIcon(job));
    this.renderCleared(job);
    this.renderTitle(job);
    if (p.title instanceof HTMLAnchorElement) p.title.href = this.detailHref(job) || '';
    text(p.badge, job.status_label || LABELS[job.status]);
    const stepped = job.status === 'running' && job.total_steps != null && job.current_step != null && !job.cancel_requested;
    if (job.status === 'pending' && job.waiting_for && !job.cancel_requested) this.renderDependency(job);
    else text(p.sentence, stepped ? stepSentence(job) : sentence(job));
    this.renderProgress(job);
    this.renderFacts(job);
    this.renderActions(job, w);
    if (this.mode === 'expanded') this.renderPanelExtras(job);
  }

  /** The status as an SVG mark (the same on every system, unlike a font's glyphs). @param {string} name */
  renderIcon(name) {
    const p = this.parts;
    if (p.icon.dataset.icon === name) return;
    p.icon.dataset.icon = name;
    fill(p.icon, icon(name));
  }

  /** A job the person cleared from their list (shown under History) says so beside its name. @param {Job} job */
  renderCleared(job) {
    const p = this.parts;
    show(p.cleared, !!job.cleared_at);
    if (job.cleared_at) {
      p.cleared.title = `Cleared from your list at ${clock(job.cleared_at)} (${ago(job.cleared_at)}); kept in History until old jobs are removed.`;
    }
  }

  /** @param {Job} job */
  renderTitle(job) {
    drawTitle(this.parts, job, () => this.copyId(), this.mode === 'compact');
  }

  async copyId() {
    if (this.job) await copyJobId(this.parts, this.job, () => this.job && this.renderTitle(this.job));
  }

  /** @param {Job} job */
  renderDependency(job) {
    drawDependency(this.parts.sentence, job, this.dependency, dep => this.detailHref(dep), id => {
      if (this.dependencyAsked === id) return;
      this.dependencyAsked = id;
      getJob(id).then(d => { if (this.job?.waiting_for === id) { this.dependency = d; this.update(); } }, () => {});
    });
  }

  renderWaiting() {
    const p = this.parts;
    const root = /** @type {HTMLElement} */ (this.firstElementChild);
    root.dataset.status = this.problem ? 'missing' : 'checking';
    this.renderIcon(this.problem ? 'failed' : 'queued');
    show(p.cleared, false);
    p.title.dataset.key = '';
    text(p.title, this.problem ? 'Job not available' : this.jobId ? 'Your job' : 'Your new job');
    show(p.chip, false);
    const starting = !this.jobId && this.hasAttribute('starting');
    // No headline state for a job that cannot be shown: the sentence says why.
    show(p.badge, !this.problem);
    text(p.badge, starting ? 'Starting…' : 'Checking status…');
    text(p.sentence, this.problem || (starting ? 'Starting… this takes a moment.' : this.jobId ? 'Checking status…' : 'No job to show yet.'));
    show(p.bar, !this.problem && (starting || !!this.jobId));
    p.bar.classList.add('lr-indeterminate');
    p.bar.removeAttribute('aria-valuenow');
    p.bar.setAttribute('aria-label', starting ? 'Starting' : 'Checking status');
    for (const el of [p.facts, p.started, p.took, p.queue, p.attempt, p.leave, p.special, p.next, p.cancel, p.retry, p.startOver, p.review,
      p.download, p.effect, p.updated, p.details, p.actionNote]) show(el, false);
  }

  /** @param {Job} job */
  renderProgress(job) {
    drawBar(this.parts.bar, job, this.mode === 'compact');
  }

  /** Percentage, time remaining, elapsed time: the figures beside the bar. @param {Job} job */
  renderFacts(job) {
    const p = this.parts;
    const now = Date.now();
    if (this.mode === 'compact') {
      const cells = rowCells(job, now);
      for (const el of [p.facts, p.started, p.took]) show(el, true);
      text(p.facts, cells.progress);
      if (p.started.dataset.text !== cells.started.join('|')) {
        p.started.dataset.text = cells.started.join('|');
        // "Started" is a column heading on a wide table and said in the cell when rows stack (and to screen readers).
        fill(p.started, ...cells.started.map((t, i) => i === 0 && cells.started.length > 1 ? h('span', { class: 'lr-cell-label' }, t) : t));
      }
      text(p.took, cells.took);
      return;
    }
    const facts = factsLine(job, false, now);
    text(p.facts, facts);
    show(p.facts, facts.length > 0);
    show(p.updated, !isTerminal(job.status));
    // Said when live updates are down, so an unchanged screen is not mistaken for a stuck job.
    const channel = this.connection === 'polling' || this.connection === 'reconnecting' ? ' · checking for changes every few seconds' : '';
    text(p.updated, `${job.status === 'running' ? 'Still working — last updated' : 'Last updated'} ${ago(lastSign(job), now)}${channel}`);
  }

  /** @param {Job} job @param {ReturnType<typeof typeWords>} w */
  renderActions(job, w) {
    drawActions(this.parts, job, w, {
      compact: this.mode === 'compact', cancelling: !!this.cancelling, detail: this.detailHref(job), effect: this.typeInfo?.cancel_effect,
    });
  }

  /** @param {Job} job */
  renderPanelExtras(job) {
    const p = this.parts;
    const active = !isTerminal(job.status);
    // Only a job truly in line has a place in it; one waiting to retry or for another job says so instead.
    const queued = inLine(job) && !isRetryWait(job);
    show(p.queue, queued);
    if (queued) text(p.queue, `${placeInLine(job)} in line`);
    show(p.attempt, job.status === 'running' && job.attempt > 1);
    text(p.attempt, `Attempt ${number(job.attempt)} of ${number(job.max_attempts)} — the earlier ${job.attempt === 2 ? 'attempt' : 'attempts'} hit a temporary problem, so it is trying again by itself. No need to start over.`);
    show(p.leave, job.status === 'pending' || job.status === 'running');
    show(p.next, job.status === 'failed' || job.status === 'cancelled');
    text(p.next, job.status === 'failed' ? nextStep(job)
      : 'Nothing is running now. Retry runs it again with the same inputs; Start over lets you change them first.');
    this.renderSpecial(job);
    show(p.details, true);
    this.renderDetails(false);
  }

  /** The part that depends on the outcome: the import preview, the file, the failed items. @param {Job} job */
  renderSpecial(job) {
    drawOutcome(this.parts, job, this, !!this.typeInfo);
  }

  /** @param {boolean} refresh */
  renderDetails(refresh) {
    const p = this.parts;
    if (!this.job) return;
    // Per status, not per version: progress events come several times a second, the log need not.
    const key = `${this.job.id}|${this.job.status}|${this.job.attempt}|${p.details.open}`;
    if (!refresh && p.details.dataset.key === key) return;
    p.details.dataset.key = key;
    detailsPanel(this.job, p.details);
  }

  /** The job's own page from `detail-href` ("job.html?id={id}"); null without it (no link: a host may have no such page). @param {Job} job */
  detailHref(job) {
    const pattern = this.getAttribute('detail-href');
    return pattern ? pattern.replace('{id}', encodeURIComponent(job.id)) : null;
  }

  tick() {
    const job = this.job;
    if (!job) return;
    if (!isTerminal(job.status)) this.renderFacts(job);
    // The countdown of a retry's backoff lives in the sentence.
    if (isRetryWait(job) && !job.cancel_requested) text(this.parts.sentence, sentence(job));
    // A page left open past the link's expiry: swap Download for "Get a fresh link" without a reload.
    const expires = job.result?.expires_at;
    if (expires && this.mode === 'expanded' && Date.parse(expires) <= Date.now() && this.parts.special.querySelector('.lr-file a[download]')) {
      this.parts.special.dataset.key = '';
      this.renderSpecial(job);
    }
  }

  // ---- actions -----------------------------------------------------------------------------------------

  askCancel() {
    const job = this.job;
    if (!job) return;
    const w = typeWords(job);
    // Confirm only when cancelling throws work away; a queued job has done nothing yet.
    if (job.status === 'running' || job.status === 'needs_action') {
      this.confirm(`Cancel this ${w.noun}?`, this.typeInfo?.cancel_effect || 'The work done so far will be stopped.',
        `Yes, cancel ${w.noun}`, `Keep it running`, () => this.cancel());
    } else {
      this.cancel();
    }
  }

  async cancel() {
    this.cancelling = true;
    this.update();
    const answer = await this.act('cancel');
    if (answer && answer.status === 'succeeded') {
      this.note('It finished before the cancel reached it, so nothing was cancelled. The result is below.', 'cancel-late');
    }
    if (answer && isTerminal(answer.status)) this.cancelling = false;
  }

  async retry() {
    const job = this.job;
    if (!job) return;
    const effect = this.typeInfo?.retry_effect;
    if (effect) {
      this.confirm(`Run this ${typeWords(job).noun} again?`, effect, 'Yes, run it again', 'Not now', () => this.restart('retry'));
    } else {
      await this.restart('retry');
    }
  }

  /** Starts a new job from this one (Retry or "Retry the failed") and follows it. @param {string} verb */
  async restart(verb) {
    const from = this.jobId;
    const next = await this.act(verb);
    if (next && next.id && next.id !== from) {
      fire(this, 'longrun-retried', { from, job: next });
      this.jobId = next.id;
    }
  }

  startOver() {
    if (this.job && fire(this, 'longrun-start-over', { job: this.job }, true)) {
      const href = this.getAttribute('start-over-href');
      if (href) location.assign(href.replace('{id}', encodeURIComponent(this.job.id)));
    }
  }

  /** @param {string} verb @returns {Promise<Job|null>} */
  async act(verb) {
    if (this.pending || !this.job) return null;
    this.pending = true;
    show(this.parts.actionNote, false);
    try {
      const answer = await jobAction(this.job.id, verb);
      if (answer?.id === this.job.id) hub.publish(answer);
      else if (answer?.id) hub.publish(answer);
      return answer;
    } catch (e) {
      this.cancelling = false;
      this.note(e instanceof LongrunError ? e.message : 'That did not work. Try again in a moment.', 'error');
      this.update();
      return null;
    } finally {
      this.pending = false;
    }
  }

  /** @param {string} message @param {string} kind */
  note(message, kind) {
    const n = this.parts.actionNote;
    n.dataset.kind = kind;
    text(n, message);
    show(n, true);
  }

  /** @param {string} title @param {string} body @param {string} yes @param {string} no @param {() => void} onYes */
  confirm(title, body, yes, no, onYes) {
    confirmDialog(/** @type {HTMLDialogElement} */ (this.parts.dialog), { title, body, yes, no, onYes });
  }
}

/** The status mark's icon name (longrun-icons.js). @param {Job} job */
function statusIcon(job) {
  switch (job.status) {
    case 'running': return 'running';
    case 'needs_action': return 'decision';
    case 'succeeded': return 'succeeded';
    case 'failed': return 'failed';
    case 'cancelled': return 'cancelled';
    default: return 'queued';
  }
}

/** "Step 3 of 5: Generating summary", saying the step numbers once even when the message has them too. @param {Job} job */
function stepSentence(job) {
  const message = String(job.progress_message || 'Working on it').replace(/^Step \d+ of \d+:?\s*/i, '');
  if (new RegExp(`\\bstep ${job.current_step} of ${job.total_steps}\\b`, 'i').test(message)) return message.replace(/^./, c => c.toUpperCase());
  return `Step ${job.current_step} of ${job.total_steps}: ${message}`;
}
