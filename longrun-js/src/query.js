// TanStack Query integration of @longrun/client (import from '@longrun/client/query'): query keys and
// options for jobs, and a bridge that writes every change the shared client learns of (SSE, or polling
// when SSE is unavailable) into the app's QueryClient, so screens built on useQuery stay live without
// refetch intervals. Peer dependencies: @tanstack/react-query 5, react 19.

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { getJob, hub, listJobs, watchJob } from './longrun-client.js';

/** @typedef {import('./longrun-client.js').Job} Job */
/** @typedef {import('@tanstack/react-query').QueryClient} QueryClient */
/** @typedef {{status?: string, type?: string, ids?: string[], cursor?: string|null, limit?: number}} JobsFilter */

/** Query keys of Longrun data, all under `['longrun']` so one invalidation reaches them. */
export const longrunKeys = {
  all: /** @type {const} */ (['longrun']),
  jobs: () => /** @type {const} */ (['longrun', 'jobs']),
  /** @param {JobsFilter} [filter] */
  jobList: (filter = {}) => /** @type {const} */ (['longrun', 'jobs', filter]),
  /** @param {string} id */
  job: id => /** @type {const} */ (['longrun', 'job', id]),
};

/**
 * Options for `useQuery`/`prefetchQuery` of one job. Live updates come through {@link subscribeJobs} or
 * {@link useLiveJob}, so the data never goes stale by time.
 * @param {string} id
 */
export function jobQueryOptions(id) {
  return { queryKey: longrunKeys.job(id), queryFn: () => getJob(id), staleTime: Infinity };
}

/**
 * Options for `useQuery` of the caller's jobs (one page; `next_cursor` pages on).
 * @param {JobsFilter} [filter]
 */
export function jobsQueryOptions(filter = {}) {
  return { queryKey: longrunKeys.jobList(filter), queryFn: () => listJobs(filter), staleTime: Infinity };
}

/**
 * Writes every job change the page learns of into the cache: the job's own query, and the lists holding it.
 * A job the cache has never seen (just started, maybe elsewhere) marks the lists stale, so they refetch once.
 * @param {QueryClient} queryClient
 * @returns {() => void} stops
 */
export function subscribeJobs(queryClient) {
  const stopJobs = hub.onAnyJob(job => writeJob(queryClient, job));
  // More changed while the stream was away than the server replays: the cached lists may miss jobs.
  const stopResync = hub.onResync(() => queryClient.invalidateQueries({ queryKey: longrunKeys.jobs() }));
  // A job started or finished after a list was read and before the stream opened (or while it was down) sent no
  // event: the lists are read again once the stream is live.
  const stopLive = hub.onLive(() => queryClient.invalidateQueries({ queryKey: longrunKeys.jobs() }));
  return () => { stopJobs(); stopResync(); stopLive(); };
}

/** One job change into the cache (what {@link subscribeJobs} does per change). @param {QueryClient} queryClient @param {Job} job */
export function writeJob(queryClient, job) {
  const known = queryClient.getQueryData(longrunKeys.job(job.id)) !== undefined;
  queryClient.setQueryData(longrunKeys.job(job.id), (/** @type {Job|undefined} */ old) => (old && old.version >= job.version ? old : job));
  let listed = false;
  queryClient.setQueriesData({ queryKey: longrunKeys.jobs() }, (/** @type {{jobs: Job[]}|undefined} */ page) => {
    if (!page?.jobs) return page;
    const i = page.jobs.findIndex(j => j.id === job.id);
    if (i < 0) return page;
    listed = true;
    if (page.jobs[i].version >= job.version) return page;
    const jobs = page.jobs.slice();
    jobs[i] = job;
    return { ...page, jobs };
  });
  if (!listed && !known) queryClient.invalidateQueries({ queryKey: longrunKeys.jobs() });
}

/**
 * Keeps the app's QueryClient current for as long as the calling component is mounted (put it once near the
 * root, inside QueryClientProvider).
 */
export function useLongrunSync() {
  const queryClient = useQueryClient();
  useEffect(() => subscribeJobs(queryClient), [queryClient]);
}

/**
 * `useQuery` of one job that also watches it: over SSE, or by polling with backoff when SSE is unavailable,
 * until it is terminal. Other components reading `longrunKeys.job(id)` see the same live data.
 * @param {string|null|undefined} id
 */
export function useLiveJob(id) {
  const queryClient = useQueryClient();
  useEffect(() => (id ? watchJob(id, job => writeJob(queryClient, job)) : undefined), [id, queryClient]);
  return useQuery({ ...jobQueryOptions(id ?? ''), enabled: !!id });
}
