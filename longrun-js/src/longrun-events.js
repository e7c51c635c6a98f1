// The page's live view of jobs: one EventSource on /api/events for every watched job, polling with
// backoff while that stream is unavailable, and versions so an old or repeated event never wins.
// Used through longrun-client.js (watchJob, hub); not meant to be constructed by host pages.

import { isTerminal } from './longrun-status.js';

/** @typedef {import('./longrun-client.js').Job} Job */
/** @typedef {import('./longrun-client.js').Connection} Connection */

/** Polling steps after the last status change. */
export const POLL_STEPS_MS = [1000, 2000, 4000, 10000];
/** How long a stream may take to open before the page polls instead. */
const OPEN_TIMEOUT_MS = 4000;
/** After losing an open stream: how long EventSource may retry on its own before the page polls. */
const RECONNECT_GRACE_MS = 5000;

/** One job followed by the page: its version, ETag and polling timer, shared by all its watchers. */
class Tracker {
  /** @param {string} id */
  constructor(id) {
    this.id = id;
    /** @type {Set<{onChange: (job: Job) => void, onError?: (e: any) => void}>} */
    this.listeners = new Set();
    /** @type {Job|null} */
    this.job = null;
    /** @type {string|null} */
    this.etag = null;
    this.step = 0;
    /** @type {ReturnType<typeof setTimeout>|null} */
    this.timer = null;
    this.fetching = false;
  }

  get done() {
    return !!this.job && isTerminal(this.job.status);
  }
}

export class EventHub {
  /**
   * @param {{eventsUrl: () => string, fetchJob: (id: string, etag: string|null) => Promise<{status: number, data: Job|null, etag: string|null}>}} io
   */
  constructor(io) {
    this.io = io;
    /** @type {Map<string, Tracker>} */
    this.trackers = new Map();
    /** The newest version seen of every job, watched or not (for the jobs list and toasts). */
    /** @type {Map<string, Job>} */
    this.latest = new Map();
    /** @type {Set<(job: Job, previous: Job|undefined) => void>} */
    this.anyListeners = new Set();
    /** @type {Set<(n: any) => void>} */
    this.notificationListeners = new Set();
    /** @type {Set<(c: Connection) => void>} */
    this.connectionListeners = new Set();
    /** @type {Set<() => void>} */
    this.resyncListeners = new Set();
    /** @type {Connection} */
    this.connection = 'connecting';
    /** @type {EventSource|null} */
    this.source = null;
    this.failures = 0;
    /** @type {ReturnType<typeof setTimeout>|null} */
    this.retryTimer = null;
    /** @type {ReturnType<typeof setTimeout>|null} */
    this.graceTimer = null;
    /** @type {ReturnType<typeof setTimeout>|null} */
    this.openTimer = null;
    /** Counts stop() calls: a fetch that answers after a stop belongs to the previous user and is dropped. */
    this.epoch = 0;
  }

  /** Between stop() and the next restart() (configure()): nothing is fetched and no job is taken in. */
  get stopped() {
    return this.connection === 'stopped';
  }

  /**
   * @param {string} id
   * @param {{onChange: (job: Job) => void, onError?: (e: any) => void}} listener
   * @returns {() => void}
   */
  watch(id, listener) {
    let t = this.trackers.get(id);
    const fresh = !t;
    if (!t) {
      t = new Tracker(id);
      this.trackers.set(id, t);
    }
    t.listeners.add(listener);
    t.job ??= this.latest.get(id) || null;
    this.ensureStream();
    if (t.job) queueMicrotask(() => t.listeners.has(listener) && listener.onChange(/** @type {Job} */ (t.job)));
    // A finished job does not change any more: what the page has is final.
    if (fresh && !t.done) this.poll(t, true);
    const tracker = t;
    return () => {
      if (!tracker.listeners.delete(listener) || tracker.listeners.size > 0) return;
      if (tracker.timer) clearTimeout(tracker.timer);
      tracker.timer = null;
      // Only this tracker: a stop called twice must not remove a newer tracker of the same job.
      if (this.trackers.get(id) === tracker) this.trackers.delete(id);
      this.maybeClose();
    };
  }

  /** Every job change the page learns of. @param {(job: Job, previous: Job|undefined) => void} fn */
  onAnyJob(fn) {
    this.anyListeners.add(fn);
    this.ensureStream();
    return () => { this.anyListeners.delete(fn); this.maybeClose(); };
  }

  /** @param {(n: any) => void} fn */
  onNotification(fn) {
    this.notificationListeners.add(fn);
    this.ensureStream();
    return () => { this.notificationListeners.delete(fn); this.maybeClose(); };
  }

  /**
   * Told when the page's copy of the jobs may be incomplete and a list should be loaded again: the stream came back
   * after more changes than the server replays (`event: resync`). Watched jobs are fetched again by the hub itself.
   * @param {() => void} fn
   */
  onResync(fn) {
    this.resyncListeners.add(fn);
    return () => this.resyncListeners.delete(fn);
  }

  /** @param {(c: Connection) => void} fn */
  onConnection(fn) {
    this.connectionListeners.add(fn);
    fn(this.connection);
    return () => this.connectionListeners.delete(fn);
  }

  /**
   * Called each time the stream goes live after it was not (its first open, and back after it was down): whatever
   * changed meanwhile sent no event, so a list, the bell or the toasts look again then.
   * @param {() => void} fn
   * @returns {() => void}
   */
  onLive(fn) {
    let live = this.connection === 'live';
    return this.onConnection(c => {
      if (c === 'live' && !live) fn();
      live = c === 'live';
    });
  }

  /**
   * Takes a job from any source (stream, poll, an action's answer); ignores it when not newer than what the page has.
   * @param {Job} job
   */
  publish(job) {
    // Stopped (signed out): whatever still arrives is the previous user's.
    if (!job || !job.id || this.stopped) return;
    const previous = this.latest.get(job.id);
    if (previous && job.version <= previous.version) return;
    this.latest.set(job.id, job);
    const t = this.trackers.get(job.id);
    if (t) {
      const moved = !t.job || t.job.status !== job.status;
      t.job = job;
      if (moved && t.timer) { t.step = 0; this.schedule(t); }
      for (const l of [...t.listeners]) l.onChange(job);
      if (t.done && t.timer) { clearTimeout(t.timer); t.timer = null; }
    }
    for (const fn of [...this.anyListeners]) fn(job, previous);
  }

  /**
   * Reconnects from scratch, e.g. after the token changed (configure() calls it). After a stop() this is what starts
   * again: every watcher still registered fetches its job with the new credentials, and the stream opens when anyone
   * listens.
   */
  restart() {
    this.closeStream();
    this.failures = 0;
    const resuming = this.stopped;
    if (resuming) this.setConnection('connecting');
    this.ensureStream();
    if (resuming) for (const t of this.trackers.values()) this.poll(t, true);
  }

  /**
   * Sign-out: closes the stream and every timer, stops every watcher's polling and forgets every job the page knew
   * (`latest`, each watched job and its ETag), so the next user on this page is never shown them. A fetch still
   * on its way is dropped when it answers. Watchers and listeners stay registered, and nothing is sent until the
   * next configure() (the next user's token): then they get that user's data without being set up again.
   * `connection` is `stopped` meanwhile (listeners are told), which is neither live nor trying.
   */
  stop() {
    this.closeStream();
    this.failures = 0;
    this.epoch++;
    this.latest.clear();
    for (const t of this.trackers.values()) {
      if (t.timer) clearTimeout(t.timer);
      t.timer = null;
      t.job = null;
      t.etag = null;
      t.step = 0;
      t.fetching = false;
    }
    this.setConnection('stopped');
  }

  // ---- polling -----------------------------------------------------------------------------------------

  /** @param {Tracker} t @param {boolean} [now] */
  async poll(t, now = false) {
    if (t.timer) { clearTimeout(t.timer); t.timer = null; }
    if (this.stopped || (!now && (this.connection === 'live' || t.done))) return;
    if (t.fetching) return;
    t.fetching = true;
    const epoch = this.epoch;
    try {
      const before = t.job?.status;
      const res = await this.io.fetchJob(t.id, t.etag);
      // Stopped meanwhile: the answer (and its ETag) is the previous user's, and the tracker no longer this fetch's.
      if (epoch !== this.epoch) return;
      if (res.etag) t.etag = res.etag;
      if (res.status !== 304 && res.data) this.publish(res.data);
      // Back to the fastest step when the status moved, slower each time it did not.
      t.step = t.job?.status !== before ? 0 : Math.min(t.step + 1, POLL_STEPS_MS.length - 1);
    } catch (e) {
      if (epoch !== this.epoch) return;
      for (const l of [...t.listeners]) l.onError?.(e);
      // A job that is not there will not appear by asking again; network trouble is worth another try.
      if (/** @type {any} */ (e).status === 404 || /** @type {any} */ (e).status === 401) { t.fetching = false; return; }
      t.step = Math.min(t.step + 1, POLL_STEPS_MS.length - 1);
    }
    t.fetching = false;
    this.schedule(t);
  }

  /** @param {Tracker} t */
  schedule(t) {
    if (t.timer) clearTimeout(t.timer);
    t.timer = null;
    if (t.done || this.connection === 'live' || this.stopped || this.trackers.get(t.id) !== t) return;
    t.timer = setTimeout(() => this.poll(t), POLL_STEPS_MS[t.step]);
  }

  // ---- the shared stream -------------------------------------------------------------------------------

  get wanted() {
    return this.trackers.size > 0 || this.anyListeners.size > 0 || this.notificationListeners.size > 0;
  }

  ensureStream() {
    if (this.source || this.retryTimer || !this.wanted || this.stopped) return;
    if (typeof EventSource === 'undefined') { this.setConnection('polling'); return; }
    const es = new EventSource(this.io.eventsUrl(), { withCredentials: true });
    this.source = es;
    let opened = false;
    const openTimer = setTimeout(() => { this.openTimer = null; if (!opened) this.fallBack(es); }, OPEN_TIMEOUT_MS);
    this.openTimer = openTimer;
    es.onopen = () => {
      if (this.source !== es) return;
      opened = true;
      clearTimeout(openTimer);
      this.openTimer = null;
      if (this.graceTimer) { clearTimeout(this.graceTimer); this.graceTimer = null; }
      this.failures = 0;
      this.setConnection('live');
      // Whatever changed while the stream was down: one revalidation per job (a 304 when nothing did).
      for (const t of this.trackers.values()) if (!t.done) this.poll(t, true);
    };
    es.onerror = () => {
      if (this.source !== es) return;
      if (!opened || es.readyState === EventSource.CLOSED) { clearTimeout(openTimer); this.fallBack(es); return; }
      // The stream was open and dropped (network loss, server restart): EventSource retries by itself,
      // and the watchers poll meanwhile so the screen does not freeze.
      opened = false;
      this.setConnection('reconnecting');
      this.graceTimer ??= setTimeout(() => { this.graceTimer = null; if (this.connection !== 'live') this.fallBack(es); }, RECONNECT_GRACE_MS);
    };
    const onJob = (/** @type {MessageEvent} */ e) => {
      if (this.source !== es) return;
      let data;
      try { data = JSON.parse(e.data); } catch { return; }
      const job = data && data.job ? data.job : data;
      if (job && job.id && job.status) this.publish(job);
      else if (data && data.notification) this.notify(data.notification);
    };
    es.addEventListener('job', onJob);
    es.onmessage = onJob;
    es.addEventListener('resync', () => { if (this.source === es) this.resync(); });
    es.addEventListener('notification', e => {
      if (this.source !== es) return;
      try { this.notify(JSON.parse(/** @type {MessageEvent} */ (e).data)); } catch { /* not JSON: ignore */ }
    });
  }

  /** The server could not replay everything missed: every watched job and every list asks again. */
  resync() {
    for (const t of this.trackers.values()) if (!t.done) this.poll(t, true);
    for (const fn of [...this.resyncListeners]) fn();
  }

  /** @param {any} n */
  notify(n) {
    for (const fn of [...this.notificationListeners]) fn(n);
  }

  /** Polls instead, and tries the stream again later (5 s, 10 s, 20 s … up to a minute). @param {EventSource} es */
  fallBack(es) {
    es.close();
    // A stream closed since (restart, stop) has nothing more to say.
    if (this.source !== es) return;
    this.source = null;
    this.failures++;
    this.setConnection('polling');
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => { this.retryTimer = null; this.ensureStream(); },
      Math.min(60000, 5000 * 2 ** (this.failures - 1)));
  }

  /** @param {Connection} c */
  setConnection(c) {
    if (this.connection === c) return;
    this.connection = c;
    for (const fn of [...this.connectionListeners]) fn(c);
    if (c !== 'live') for (const t of this.trackers.values()) if (!t.timer && !t.fetching) this.schedule(t);
  }

  maybeClose() {
    if (!this.wanted) this.closeStream();
  }

  closeStream() {
    this.source?.close();
    this.source = null;
    for (const timer of [this.retryTimer, this.graceTimer, this.openTimer]) if (timer) clearTimeout(timer);
    this.retryTimer = null;
    this.graceTimer = null;
    this.openTimer = null;
  }
}
