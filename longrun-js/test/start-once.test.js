// Starting a job is safe to repeat: a double click, a second call with the same key, or a repeated call while
// the job is active gives back the one job, against the real server.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { configure, listJobs, startJob } from '../src/longrun-client.js';
import { freshUser, SERVER } from './support/server.js';

const { token } = await freshUser();
configure({ base: SERVER, token });

test('two starts at once with the same params give one job', async () => {
  const params = { seconds: 2, steps: 2 };
  const [a, b] = await Promise.all([startJob('demo.wait', params), startJob('demo.wait', params)]);
  assert.equal(a.job.id, b.job.id);
  const page = await listJobs({ type: 'demo.wait' });
  assert.deepEqual(page.jobs.filter(j => j.params?.steps === 2).map(j => j.id), [a.job.id]);
});

test('starting twice with one idempotency key gives one job, the second answer says it was not created', async () => {
  const key = `order-${Date.now()}`;
  const first = await startJob('demo.wait', { seconds: 1, steps: 3 }, { idempotencyKey: key });
  const second = await startJob('demo.wait', { seconds: 1, steps: 3 }, { idempotencyKey: key });
  assert.equal(first.created, true);
  assert.equal(second.created, false);
  assert.equal(second.job.id, first.job.id);
});

test('starting again while the job is active reuses the key the client kept, so no second job starts', async () => {
  const params = { seconds: 5, steps: 4 };
  const first = await startJob('demo.wait', params);
  const again = await startJob('demo.wait', params);
  assert.equal(again.job.id, first.job.id);
  assert.equal(again.created, false);
  const page = await listJobs({ type: 'demo.wait' });
  assert.equal(page.jobs.filter(j => j.params?.steps === 4).length, 1);
});
