// The jobs list and its status counts, against the real server: asked together they come in one answer.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { configure, jobCounts, listJobs, startJob } from '../src/longrun-client.js';
import { freshUser, SERVER } from './support/server.js';

const { token } = await freshUser();
configure({ base: SERVER, token });

test('listJobs with counts gives the page and the counts of its tabs in one answer', async () => {
  await startJob('demo.wait', { seconds: 30, steps: 3 });
  const page = await listJobs({ status: 'pending,running', counts: true });
  assert.equal(page.jobs.length, 1);
  assert.deepEqual(page.counts, await jobCounts());
  assert.equal(page.counts.counts.pending + page.counts.counts.running, 1);
  assert.equal('counts' in await listJobs(), false, 'only when asked');
});
