// A stream that drops mid-job (network loss, a node restarting) is resumed: the watcher keeps getting the job's
// changes, in version order, and sees it finish; the page is live on a new stream afterwards.

import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { configure, hub, startJob, watchJob } from '../src/longrun-client.js';
import { freshUser, startProxy, until } from './support/server.js';

const proxy = await startProxy();
after(() => { hub.closeStream(); return proxy.close(); });
const { token } = await freshUser();
configure({ base: proxy.url, token });

test('the watcher resumes after its event stream is cut and sees the job finish', async () => {
  /** @type {string[]} */
  const connections = [];
  const stopConnection = hub.onConnection(c => connections.push(c));
  const { job } = await startJob('demo.wait', { seconds: 4, steps: 8 });
  /** @type {import('../src/longrun-client.js').Job[]} */
  const seen = [];
  const stop = watchJob(job.id, j => seen.push(j));
  await until('the job to run with the page live', 15_000, () => seen.at(-1)?.status === 'running' && hub.connection === 'live');
  const streamsBefore = proxy.eventStreamsOpened;
  const seenBefore = seen.length;
  assert.ok(proxy.dropStreams() >= 1, 'an event stream was open to cut');

  await until('the job to succeed after the cut', 30_000, () => seen.at(-1)?.status === 'succeeded');
  await until('the page to be live again', 15_000, () => hub.connection === 'live');
  stop();
  stopConnection();

  assert.ok(seen.length > seenBefore, 'changes kept arriving after the cut');
  assert.ok(proxy.eventStreamsOpened > streamsBefore, 'a new event stream was opened after the cut');
  assert.ok(connections.includes('reconnecting') || connections.includes('polling'), `the page noticed the cut: ${connections}`);
  const versions = seen.map(j => j.version);
  assert.deepEqual(versions, [...versions].sort((a, b) => a - b), 'changes arrive in version order');
  assert.equal(new Set(versions).size, versions.length, 'no change is delivered twice');
});
