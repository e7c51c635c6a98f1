// The browser side of the Longrun HTTP API: requests, starting jobs without duplicates, and live status
// (one shared Server-Sent Events connection per page, polling when SSE is unavailable). The one client of the
// project: published as the npm package @longrun/client (longrun-js/) and copied by the starter's build into
// /longrun/, where every longrun-* element imports it; host pages import it to start jobs and pass a user token.
// Runs in browsers and in Node 20+ (fetch; EventSource when the runtime or a polyfill provides one).

import { EventHub } from './longrun-events.js';
import { isTerminal } from './longrun-status.js';

export { isTerminal, TERMINAL_STATUSES } from './longrun-status.js';

/**
 * A job as the API sends it (snake_case, see DESIGN.md). Only the fields the screens read are listed.
 * @typedef {{
 *   id: string, type: string, type_label?: string, status: string, status_label: string,
 *   progress_pct: number|null, progress_current?: number|null, progress_total?: number|null, progress_message?: string|null,
 *   current_step?: number|null, total_steps?: number|null, queue_position?: number|null, queue_size?: number|null,
 *   queue_more_than?: number|null,
 *   waiting_for?: string|null, created_at: string, started_at?: string|null, completed_at?: string|null, updated_at: string,
 *   estimated_duration_seconds?: number|null, eta?: {low_seconds: number, high_seconds: number, text: string}|null,
 *   start_eta?: {low_seconds: number, high_seconds: number, text: string}|null,
 *   attempt: number, max_attempts: number, cancellable: boolean, cancel_requested: boolean, params?: object,
 *   result?: {message?: string, url?: string|null, expires_at?: string|null, filename?: string, size_bytes?: number, row_count?: number|null, content_type?: string, data?: any}|null,
 *   error_message?: string|null, error?: {code?: string, retryable?: boolean}|null,
 *   summary?: {succeeded: number, failed: number, skipped: number, warnings: number}|null,
 *   action?: {kind: string, message: string, preview: any}|null, retry_of?: string|null, version: number,
 *   run_after?: string|null, heartbeat_at?: string|null, run_seconds?: number|null, cleared_at?: string|null
 * }} Job
 */

/**
 * How the page hears about job changes: `live` (the stream is open), `connecting`, `reconnecting` (it dropped and
 * comes back by itself), `polling` (no stream: each watched job is asked for), `stopped` (after `hub.stop()`, e.g.
 * signed out: nothing is fetched until the next configure()).
 * @typedef {'connecting'|'live'|'reconnecting'|'polling'|'stopped'} Connection
 */

/** @param {string} name the content of `<meta name="…">` in the page, if any */
function meta(name) {
  return typeof document === 'undefined' ? null : document.querySelector(`meta[name="${name}"]`)?.getAttribute('content') ?? null;
}

// Read once when the module loads (module scripts run after the page's <head> is parsed), so a host page can hand
// over the API path (longrun.http.base-path) and the user token before any element fetches:
//   <meta name="longrun-api" content="/jobs-api">   <meta name="longrun-token" content="eyJ…">
const config = {
  base: '',
  api: (meta('longrun-api') ?? '/api').replace(/\/$/, ''),
  token: /** @type {string|null} */ (meta('longrun-token')),
};

/**
 * Where the API is and how to call it. The bundled dashboard needs none of this (same origin, session cookie);
 * a host page passes the short-lived user token its backend minted, and the API path when the server moved it
 * (`longrun.http.base-path`). The meta tags above do the same without script. Reconnects the stream, and starts
 * the page again after `hub.stop()` (sign-out): the next user's token goes here.
 * @param {{base?: string, api?: string, token?: string|null}} options `base`: origin (and context path) of the
 *   server, default the page's; `api`: the API's path on it, default `/api`; `token`: sent as Bearer
 */
export function configure({ base, api, token } = {}) {
  if (base !== undefined) config.base = base.replace(/\/$/, '');
  if (api !== undefined) config.api = api.replace(/\/$/, '');
  if (token !== undefined) config.token = token;
  hub.restart();
  // Elements that already loaded (and were refused) load again with the new settings.
  if (typeof window !== 'undefined') window.dispatchEvent(new CustomEvent('longrun:configured'));
}

/**
 * The full URL of an API path, for links (downloads) as well as fetches. Callers write paths as the default layout
 * has them (`/api/jobs/…`); the configured API path replaces that `/api`. @param {string} path
 */
export function apiUrl(path) {
  return config.base + (path.startsWith('/api/') ? config.api + path.slice(4) : path);
}

/** An API answer that was not a success, with the problem's `detail` as the message a person can act on. */
export class LongrunError extends Error {
  /** @param {number} status @param {string} detail @param {any} [problem] */
  constructor(status, detail, problem) {
    super(detail);
    this.status = status;
    this.problem = problem;
  }
}

/** @type {Record<number, string>} */
const FALLBACK_DETAIL = {
  0: 'The server cannot be reached. Check your connection; the page keeps trying.',
  401: 'You are signed out. Sign in again to continue.',
  404: 'This job was not found. It may belong to someone else or may have been removed.',
  500: 'The server had a problem answering. Try again in a moment.',
};

/**
 * One API call. Answers `{status, data, etag}`; 304 gives `data: null`. Problems become {@link LongrunError}.
 * @param {string} method @param {string} path
 * @param {{body?: any, form?: FormData, headers?: Record<string,string>, etag?: string|null}} [options]
 */
export async function request(method, path, { body, form, headers = {}, etag } = {}) {
  /** @type {Record<string,string>} */
  const h = { Accept: 'application/json', ...headers };
  if (config.token) h.Authorization = `Bearer ${config.token}`;
  if (etag) h['If-None-Match'] = etag;
  let payload;
  if (form) payload = form;
  else if (body !== undefined) {
    h['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  let res;
  try {
    // no-store: this code does its own revalidation with If-None-Match, and must see the 304.
    res = await fetch(apiUrl(path), { method, headers: h, body: payload, credentials: 'same-origin', cache: 'no-store' });
  } catch {
    throw new LongrunError(0, FALLBACK_DETAIL[0]);
  }
  if (res.status === 304) return { status: 304, data: null, etag: res.headers.get('ETag') };
  const type = res.headers.get('Content-Type') || '';
  const data = type.includes('json') ? await res.json().catch(() => null) : null;
  if (!res.ok) {
    // Pages listen for this to show "signed out"; runtimes without a window (Node, workers) have no listener. Not
    // after hub.stop(): the page signed out itself, and a refusal of a request still on its way (or of the sign-out
    // request itself) must not tell the person their session expired.
    if (res.status === 401 && !hub.stopped && typeof globalThis.dispatchEvent === 'function') {
      globalThis.dispatchEvent(new CustomEvent('longrun:signed-out', { detail: data }));
    }
    throw new LongrunError(res.status, data?.detail || FALLBACK_DETAIL[res.status] || FALLBACK_DETAIL[500], data);
  }
  return { status: res.status, data, etag: res.headers.get('ETag') };
}

/** @param {string} id @returns {Promise<Job>} */
export async function getJob(id) {
  return (await request('GET', `/api/jobs/${encodeURIComponent(id)}`)).data;
}

/**
 * The caller's jobs, active first then most recently finished; with `history`, also those cleared from the list (kept until retention);
 * with `counts`, also the counts of {@link jobCounts}, read at the same moment as the page (so they agree with it; not
 * given to a token for one job).
 * @param {{status?: string, type?: string, ids?: string[], cursor?: string|null, limit?: number, history?: boolean, counts?: boolean}} [filters]
 * @returns {Promise<{jobs: Job[], next_cursor: string|null, counts?: {counts: Record<string, number>, total: number, cleared: number}}>}
 */
export async function listJobs({ status, type, ids, cursor, limit, history, counts } = {}) {
  const q = new URLSearchParams();
  if (status) q.set('status', status);
  if (type) q.set('type', type);
  if (ids?.length) q.set('ids', ids.join(','));
  if (cursor) q.set('cursor', cursor);
  if (limit) q.set('limit', String(limit));
  if (history) q.set('history', 'true');
  if (counts) q.set('counts', 'true');
  return (await request('GET', `/api/jobs?${q}`)).data;
}

/**
 * How many of the caller's jobs are in their list per status, their sum, and how many they cleared from it (still in
 * their history), under the same type filter as listJobs.
 * @param {{type?: string}} [filters]
 * @returns {Promise<{counts: Record<string, number>, total: number, cleared: number}>}
 */
export async function jobCounts({ type } = {}) {
  const q = new URLSearchParams();
  if (type) q.set('type', type);
  return (await request('GET', `/api/jobs/counts?${q}`)).data;
}

/** @param {string} id @param {string} verb cancel | retry | retry-failed | confirm @returns {Promise<Job>} */
export async function jobAction(id, verb) {
  return (await request('POST', `/api/jobs/${encodeURIComponent(id)}/${verb}`)).data;
}

/**
 * @typedef {{id: number, job_id: string, job_type: string, kind: string, title: string, body: string, link: string|null,
 *   created_at: string, read_at: string|null, read: boolean}} Notification
 */

/**
 * The caller's inbox, newest first; `next_before` pages on.
 * @param {{before?: number|null, limit?: number}} [page]
 * @returns {Promise<{notifications: Notification[], unread: number, next_before: number|null}>}
 */
export async function listNotifications({ before, limit } = {}) {
  const q = new URLSearchParams();
  if (before != null) q.set('before', String(before));
  if (limit) q.set('limit', String(limit));
  return (await request('GET', `/api/notifications?${q}`)).data;
}

/** @param {number} id @returns {Promise<Notification>} */
export async function markNotificationRead(id) {
  return (await request('POST', `/api/notifications/${encodeURIComponent(String(id))}/read`)).data;
}

/** @returns {Promise<{marked: number, unread: number}>} */
export async function markAllNotificationsRead() {
  return (await request('POST', '/api/notifications/read-all')).data;
}

/**
 * The result files of these jobs as one zip the server streams (only the caller's files; the rest named in
 * MISSING.txt inside). Problems become {@link LongrunError}.
 * @param {string[]} jobIds @returns {Promise<{blob: Blob, filename: string}>}
 */
export async function downloadResultsZip(jobIds) {
  /** @type {Record<string,string>} */
  const h = { Accept: 'application/zip, application/problem+json', 'Content-Type': 'application/json' };
  if (config.token) h.Authorization = `Bearer ${config.token}`;
  let res;
  try {
    res = await fetch(apiUrl('/api/files/zip'), { method: 'POST', headers: h, body: JSON.stringify({ job_ids: jobIds }), credentials: 'same-origin' });
  } catch {
    throw new LongrunError(0, FALLBACK_DETAIL[0]);
  }
  if (!res.ok) {
    const data = await res.json().catch(() => null);
    throw new LongrunError(res.status, data?.detail || FALLBACK_DETAIL[res.status] || FALLBACK_DETAIL[500], data);
  }
  const name = /filename="?([^";]+)"?/.exec(res.headers.get('Content-Disposition') || '')?.[1] || 'results.zip';
  return { blob: await res.blob(), filename: name };
}

let typesPromise = /** @type {Promise<Record<string, any>>|null} */ (null);
/** The job types by name (label, cancel_effect, typical_duration), fetched once per page. */
export function jobTypes() {
  typesPromise ??= request('GET', '/api/job-types')
    .then(r => Object.fromEntries((r.data?.job_types || []).map((/** @type {any} */ t) => [t.name, t])))
    .catch(() => { typesPromise = null; return {}; });
  return typesPromise;
}

// ---- Starting a job exactly once -------------------------------------------------------------------------

const inflight = new Map();

/**
 * Starts a job once: a double click, a second Enter, a page refresh or the same start from a second tab while it is
 * active gives back the same job. The Idempotency-Key is kept in localStorage, which the browser's tabs share (in
 * memory where there is none), per (type, params) until that job has finished. A caller that owns its key (a form's submission id, a server action's request id)
 * passes `idempotencyKey`: every start with that key answers the same job, whatever state it is in.
 * @param {string} type @param {object} [params] @param {{dependsOn?: string|null, idempotencyKey?: string|null}} [options]
 * @returns {Promise<{job: Job, created: boolean}>}
 */
export function startJob(type, params = {}, { dependsOn = null, idempotencyKey = null } = {}) {
  const fingerprint = `${START_SLOT}${hash(stable({ type, params, dependsOn, idempotencyKey }))}`;
  if (!inflight.has(fingerprint)) {
    inflight.set(fingerprint, doStart(type, params, dependsOn, idempotencyKey, fingerprint)
      .finally(() => inflight.delete(fingerprint)));
  }
  return inflight.get(fingerprint);
}

/**
 * @param {string} type @param {object} params @param {string|null} dependsOn @param {string|null} ownKey
 * @param {string} slot
 */
async function doStart(type, params, dependsOn, ownKey, slot) {
  const epoch = hub.epoch;
  let saved = ownKey ? null : readSlot(slot);
  if (saved?.jobId) {
    // A finished job frees its key: starting again then really means a new job.
    const still = await getJob(saved.jobId).then(j => !isTerminal(j.status), () => false);
    if (!still) saved = null;
  }
  const key = ownKey || saved?.key || newKey();
  writeSlot(slot, { key, jobId: saved?.jobId || null });
  /** @type {any} */
  const body = { type, params };
  if (dependsOn) body.depends_on = dependsOn;
  const res = await request('POST', '/api/jobs/start', { body, headers: { 'Idempotency-Key': key } });
  writeSlot(slot, { key, jobId: res.data.id });
  // Not when the user signed out (hub.stop()) while the start was on its way: the job is theirs, not the next user's.
  if (hub.epoch === epoch) hub.publish(res.data);
  return { job: res.data, created: res.status === 202 };
}

/** Uploads one file (e.g. a CSV to import). @param {File} file @returns {Promise<{upload_id: string, filename: string, size_bytes?: number}>} */
export async function upload(file) {
  const form = new FormData();
  form.append('file', file, file.name);
  return (await request('POST', '/api/uploads', { form })).data;
}

function newKey() {
  if (crypto.randomUUID) return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), b => b.toString(16).padStart(2, '0')).join('');
}

/** JSON with sorted keys, so equal params give equal fingerprints. @param {any} v @returns {string} */
function stable(v) {
  if (Array.isArray(v)) return `[${v.map(stable).join(',')}]`;
  if (v && typeof v === 'object') return `{${Object.keys(v).sort().map(k => `${JSON.stringify(k)}:${stable(v[k])}`).join(',')}}`;
  return JSON.stringify(v ?? null);
}

/** FNV-1a, enough to name a storage slot. @param {string} s */
function hash(s) {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}

/** Keys of this runtime when it has no localStorage (Node, a server component, private mode). */
const memoryKeys = new Map();
const START_SLOT = 'longrun:start:';
/** A kept key older than this is dropped: the server holds keys for 24 h by default, and the storage outlives tabs. */
const KEEP_KEY_MS = 24 * 3600 * 1000;

/** @param {string} k */
function readSlot(k) {
  try { return JSON.parse(globalThis.localStorage.getItem(k) || 'null'); } catch { return memoryKeys.get(k) ?? null; }
}

/** @param {string} k @param {any} v */
function writeSlot(k, v) {
  const now = Date.now();
  memoryKeys.set(k, v);
  try {
    const s = globalThis.localStorage;
    for (let i = s.length - 1; i >= 0; i--) {
      const old = s.key(i);
      if (old?.startsWith(START_SLOT) && !(now - keptAt(s.getItem(old)) < KEEP_KEY_MS)) s.removeItem(old);
    }
    s.setItem(k, JSON.stringify({ ...v, at: now }));
  } catch { /* kept in memory: the server-side key check still holds */ }
}

/** When a kept key was written; 0 for what cannot be read. @param {string|null} v */
function keptAt(v) {
  try { return Number(JSON.parse(v || '{}').at) || 0; } catch { return 0; }
}

// ---- Live status -----------------------------------------------------------------------------------------

/** The page's one connection to `/api/events`, shared by every element. */
export const hub = new EventHub({
  eventsUrl: () => `${apiUrl('/api/events')}${config.token ? `?access_token=${encodeURIComponent(config.token)}` : ''}`,
  fetchJob: (id, etag) => request('GET', `/api/jobs/${encodeURIComponent(id)}`, { etag }),
});

// Signed out (hub.stop()): the next user's start of the same (type, params) must neither join the previous user's
// start still on its way nor ask after their job to decide whether its key is free.
hub.onConnection(c => { if (c === 'stopped') forgetStarts(); });

function forgetStarts() {
  inflight.clear();
  memoryKeys.clear();
  try {
    const s = globalThis.localStorage;
    for (let i = s.length - 1; i >= 0; i--) if (s.key(i)?.startsWith(START_SLOT)) s.removeItem(/** @type {string} */ (s.key(i)));
  } catch { /* no localStorage: the keys were in memory only */ }
}

/**
 * Calls `onChange` with the job now and at every change until it is terminal; over the shared SSE connection,
 * or by polling (1 s → 2 s → 4 s → 10 s, back to 1 s when the status changes) when SSE is unavailable.
 * @param {string} id
 * @param {((job: Job) => void) | {onChange: (job: Job) => void, onError?: (e: LongrunError) => void}} listener
 * @returns {() => void} stops watching
 */
export function watchJob(id, listener) {
  const l = typeof listener === 'function' ? { onChange: listener } : listener;
  return hub.watch(id, l);
}
