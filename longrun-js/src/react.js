// React bindings of @longrun/client (import from '@longrun/client/react'): hooks over the same shared
// client the web components use, so a React page gets the one SSE connection, the polling fallback and the
// start-once behaviour without writing any of it. Peer dependency: react 19.

import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { hub, listJobs, startJob, watchJob } from './longrun-client.js';

/** @typedef {import('./longrun-client.js').Job} Job */
/** @typedef {import('./longrun-client.js').Connection} Connection */
/** @typedef {import('./longrun-client.js').LongrunError} LongrunError */
/** @typedef {{status?: string, type?: string, ids?: string[], limit?: number}} JobsFilter */

/**
 * How the page hears about changes now: `live` (SSE), `reconnecting`, `polling`, `connecting`, or `stopped` after
 * `hub.stop()` (signed out) until the next `configure()`.
 * @returns {Connection}
 */
export function useConnection() {
  return useSyncExternalStore(subscribeConnection, () => hub.connection, () => 'connecting');
}

/** @param {() => void} onStoreChange */
function subscribeConnection(onStoreChange) {
  return hub.onConnection(() => onStoreChange());
}

/**
 * One job, live: the current state at once when the page has it, then every change until it is terminal.
 * `id` may be null (nothing to show yet, e.g. before a start).
 * @param {string|null|undefined} id
 * @returns {{job: Job|null, error: LongrunError|null, loading: boolean, connection: Connection}}
 */
export function useJob(id) {
  const [state, setState] = useState(() => ({ id, job: id ? hub.latest.get(id) ?? null : null, error: /** @type {any} */ (null) }));
  useEffect(() => {
    if (!id) return undefined;
    setState(s => (s.id === id ? s : { id, job: hub.latest.get(id) ?? null, error: null }));
    const stopWatch = watchJob(id, {
      onChange: job => setState({ id, job, error: null }),
      onError: error => setState(s => (s.id === id ? { ...s, error } : s)),
    });
    // Signed out (hub.stop()): the job was the previous user's; the watch asks again after the next configure().
    const stopStopped = onStopped(() => setState({ id, job: null, error: null }));
    return () => { stopWatch(); stopStopped(); };
  }, [id]);
  const connection = useConnection();
  const current = state.id === id ? state : { job: null, error: null };
  return { job: current.job, error: current.error, loading: !!id && !current.job && !current.error, connection };
}

/**
 * The caller's jobs (active first, then most recent), kept current: changes to listed jobs replace them, new
 * jobs that match the filter are put first. `refresh()` asks the server again.
 * @param {JobsFilter} [filter]
 * @returns {{jobs: Job[], error: LongrunError|null, loading: boolean, refresh: () => void}}
 */
export function useJobs(filter = {}) {
  const key = JSON.stringify(filter);
  const stableFilter = useMemo(() => /** @type {JobsFilter} */ (JSON.parse(key)), [key]);
  const [state, setState] = useState({ key, jobs: /** @type {Job[]} */ ([]), error: /** @type {any} */ (null), loading: true });
  const [round, setRound] = useState(0);
  useEffect(() => {
    let active = true;
    const epoch = hub.epoch;
    // Stopped (signed out): nothing is asked for; the next configure() reads the list again (below).
    setState(s => ({ ...s, key, loading: !hub.stopped }));
    if (!hub.stopped) listJobs(stableFilter).then(
      page => active && hub.epoch === epoch && setState({ key, jobs: page.jobs.map(j => newer(hub.latest.get(j.id), j) ?? j), error: null, loading: false }),
      error => active && hub.epoch === epoch && setState(s => ({ ...s, key, error, loading: false })));
    const stop = hub.onAnyJob(job => setState(s => ({ ...s, jobs: merge(s.jobs, job, stableFilter) })));
    // More changed while the stream was away than the server replays: ask for the list again.
    const stopResync = hub.onResync(() => setRound(r => r + 1));
    // A job started or finished after the list was read and before the stream opened (or while it was down) sent
    // no event: ask again once the stream is live.
    const stopLive = hub.onLive(() => setRound(r => r + 1));
    // Signed out: none of the previous user's jobs stay listed, and the list is read again once configure() restarts.
    const stopConnection = onStopped(() => setState({ key, jobs: [], error: null, loading: false }), () => setRound(r => r + 1));
    return () => { active = false; stop(); stopResync(); stopLive(); stopConnection(); };
  }, [key, stableFilter, round]);
  const refresh = useCallback(() => setRound(r => r + 1), []);
  return { jobs: state.key === key ? state.jobs : [], error: state.error, loading: state.loading, refresh };
}

/**
 * Starts jobs of one type. `start(params)` is safe to call twice (a double click, a re-render, React's strict
 * mode): the same (type, params) gives back the same job while it is active. Resolves to `{job, created}`, or
 * to null when the start failed (the reason is in `error`).
 * @param {string} type
 * @returns {{
 *   start: (params?: object, options?: {dependsOn?: string|null, idempotencyKey?: string|null}) => Promise<{job: Job, created: boolean}|null>,
 *   job: Job|null, created: boolean|null, status: 'idle'|'starting'|'started'|'error', error: LongrunError|null,
 *   reset: () => void
 * }}
 */
export function useStartJob(type) {
  const [state, setState] = useState(() => idleStart());
  const start = useCallback(async (/** @type {object} */ params = {}, /** @type {any} */ options = {}) => {
    setState(s => ({ ...s, status: 'starting', error: null }));
    try {
      const result = await startJob(type, params, options);
      setState({ status: 'started', job: result.job, created: result.created, error: null });
      return result;
    } catch (error) {
      setState(s => ({ ...s, status: 'error', error: /** @type {any} */ (error) }));
      return null;
    }
  }, [type]);
  const reset = useCallback(() => setState(idleStart()), []);
  // Signed out (hub.stop()): the started job was the previous user's.
  useEffect(() => onStopped(reset), [reset]);
  const live = useJob(state.job?.id ?? null).job;
  return { start, job: newer(state.job ?? undefined, live) ?? null, created: state.created, status: state.status, error: state.error, reset };
}

/**
 * Calls `stopped` each time the hub stops (sign-out), and `resumed` each time configure() starts it again after that.
 * @param {() => void} stopped @param {() => void} [resumed] @returns {() => void}
 */
function onStopped(stopped, resumed = () => {}) {
  let was = hub.stopped;
  return hub.onConnection(c => {
    const now = c === 'stopped';
    if (now && !was) stopped();
    else if (!now && was) resumed();
    was = now;
  });
}

function idleStart() {
  return {
    status: /** @type {'idle'|'starting'|'started'|'error'} */ ('idle'),
    job: /** @type {Job|null} */ (null),
    created: /** @type {boolean|null} */ (null),
    error: /** @type {any} */ (null),
  };
}

/** The later of two versions of a job. @param {Job|undefined} a @param {Job|null|undefined} b @returns {Job|undefined} */
function newer(a, b) {
  if (!a) return b ?? undefined;
  if (!b) return a;
  return b.version >= a.version ? b : a;
}

/**
 * A job change applied to a list: replaces the listed version, or puts a new matching job first.
 * @param {Job[]} jobs @param {Job} job @param {JobsFilter} filter
 */
function merge(jobs, job, filter) {
  const i = jobs.findIndex(j => j.id === job.id);
  if (i >= 0) {
    if (jobs[i].version >= job.version) return jobs;
    const next = jobs.slice();
    next[i] = job;
    return next;
  }
  if (!matches(job, filter)) return jobs;
  return [job, ...jobs];
}

/** @param {Job} job @param {JobsFilter} filter */
function matches(job, filter) {
  if (filter.type && filter.type !== job.type) return false;
  if (filter.ids?.length && !filter.ids.includes(job.id)) return false;
  return !filter.status || filter.status.split(',').includes(job.status);
}
