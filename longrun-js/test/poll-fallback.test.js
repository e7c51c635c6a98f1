// When event streams are refused (a proxy that does not allow streaming), the client polls with backoff and still
// follows the job to its end; once the job is terminal it stops asking.

import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { configure, hub, startJob, watchJob } from '../src/longrun-client.js';
import { freshUser, startProxy, until } from './support/server.js';

const proxy = await startProxy({ blockEvents: true });
after(() => { hub.closeStream(); return proxy.close(); });
const { token } = await freshUser();
configure({ base: proxy.url, token });

test('with SSE refused, the job is followed by polling to its end, then polling stops', async () => {
  const { job } = await startJob('demo.wait', { seconds: 3, steps: 3 });
  /** @type {string[]} */
  const statuses = [];
  const stopWatching = watchJob(job.id, j => statuses.push(j.status));
  await until('the job to finish while polling', 30_000, () => statuses.at(-1) === 'succeeded');
  assert.equal(hub.connection, 'polling');
  assert.ok(statuses.includes('running'), `saw it running on the way: ${statuses}`);
  const jobPath = `/api/jobs/${job.id}`;
  const polls = proxy.log.filter(r => r.method === 'GET' && r.path === jobPath);
  assert.ok(polls.length >= 2, `polled the job (${polls.length} reads)`);
  assert.ok(proxy.log.some(r => r.path.startsWith('/api/events') && r.status === 503), 'the stream was tried and refused');

  // Stop after terminal: no timer left, and no read in longer than two of the fastest poll steps.
  const readsAtEnd = proxy.log.filter(r => r.path === jobPath).length;
  assert.equal(hub.trackers.get(job.id)?.timer ?? null, null, 'no poll is scheduled for a finished job');
  await sleep(2_500);
  assert.equal(proxy.log.filter(r => r.path === jobPath).length, readsAtEnd, 'a finished job is not polled again');
  stopWatching();
});
