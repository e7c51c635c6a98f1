// `hub.stop()`, a host page's sign-out: the stream and every timer end, nothing is asked for until the next
// configure(), the jobs the page knew are forgotten, and watchers still registered get the next user's data. A
// stand-in EventSource and fetch play the server, and mocked timers stand for ten minutes of waiting.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EventHub } from '../src/longrun-events.js';
import { configure, hub, request, startJob, watchJob } from '../src/longrun-client.js';
import { StandInEventSource } from './support/stand-in-event-source.js';

const TEN_MINUTES = 10 * 60 * 1000;

/** Lets promises settle (setImmediate is not mocked). */
const settle = () => new Promise(resolve => setImmediate(resolve));

/** @param {string} id @param {string} status @param {number} version @param {string} [owner] */
const job = (id, status, version, owner = '') => /** @type {any} */ ({ id, status, version, owner });

/** A hub whose fetches are counted and answer a running job. */
function countingHub() {
  const fetches = /** @type {{id: string, etag: string|null}[]} */ ([]);
  const h = new EventHub({
    eventsUrl: () => 'http://127.0.0.1:1/api/events',
    fetchJob: async (id, etag) => {
      fetches.push({ id, etag });
      return { status: 200, data: job(id, 'running', fetches.length), etag: `"${fetches.length}"` };
    },
  });
  return { hub: h, fetches };
}

/** @type {Record<string, (es: StandInEventSource) => void>} */
const STATES = {
  'opening': () => {},
  'reconnecting': es => { es.onopen?.(); es.onerror?.(); },
  'polling because the stream was refused': es => es.onerror?.(),
};

for (const [state, reach] of Object.entries(STATES)) {
  test(`stopped while ${state}: the stream is closed and nothing is asked for in the next ten minutes`, async t => {
    t.mock.timers.enable({ apis: ['setTimeout'] });
    globalThis.EventSource = /** @type {any} */ (StandInEventSource);
    const { hub: h, fetches } = countingHub();
    const stopWatch = h.watch('a', { onChange: () => {} });
    const stopAny = h.onAnyJob(() => {});
    const stopNotes = h.onNotification(() => {});
    const es = /** @type {StandInEventSource} */ (StandInEventSource.opened.at(-1));
    reach(es);
    await settle();
    t.mock.timers.tick(1000); // a poll timer of the fallback, where there is one, is due
    await settle();
    const seen = /** @type {string[]} */ ([]);
    const stopSeen = h.onConnection(c => seen.push(c));
    const streams = StandInEventSource.opened.length;
    const asked = fetches.length;

    h.stop();
    for (let waited = 0; waited < TEN_MINUTES; waited += 1000) {
      t.mock.timers.tick(1000);
      await settle();
    }

    assert.equal(es.readyState, StandInEventSource.CLOSED, 'the stream is closed');
    assert.equal(StandInEventSource.opened.length, streams, 'no stream is opened again');
    assert.equal(fetches.length, asked, 'no watcher polls');
    assert.equal(h.connection, 'stopped');
    assert.equal(seen.at(-1), 'stopped', 'connection listeners are told');
    stopWatch(); stopAny(); stopNotes(); stopSeen();
  });
}

test('a fetch on its way when the hub stops publishes nothing, and its ETag is not kept', async () => {
  globalThis.EventSource = /** @type {any} */ (StandInEventSource);
  /** @type {(answer: any) => void} */
  let answer = () => {};
  const etags = /** @type {(string|null)[]} */ ([]);
  const h = new EventHub({
    eventsUrl: () => 'http://127.0.0.1:1/api/events',
    fetchJob: (id, etag) => { etags.push(etag); return new Promise(resolve => { answer = resolve; }); },
  });
  const changes = /** @type {any[]} */ ([]);
  const any = /** @type {any[]} */ ([]);
  const stopWatch = h.watch('a', { onChange: j => changes.push(j) });
  const stopAny = h.onAnyJob(j => any.push(j));
  assert.equal(etags.length, 1, 'the watch fetched its job');

  h.stop();
  answer({ status: 200, data: job('a', 'running', 7, 'alice'), etag: '"alice-7"' });
  await settle();

  assert.deepEqual(changes, [], 'the watcher is not told');
  assert.deepEqual(any, [], 'nor is anyone listening to every job');
  assert.equal(h.latest.size, 0);

  h.restart();
  assert.deepEqual(etags, [null, null], 'the next fetch does not send the previous answer’s ETag');
  stopWatch(); stopAny();
  h.stop();
});

test('after stop the page knows no job, and configure() with the next token brings a still registered watcher that user’s data', async t => {
  t.mock.timers.enable({ apis: ['setTimeout'] });
  globalThis.EventSource = /** @type {any} */ (StandInEventSource);
  const asked = /** @type {{url: string, auth: string|null, etag: string|null}[]} */ ([]);
  // The job as each user is allowed to see it: Alice's copy is further along than what Bob is then shown.
  /** @type {Record<string, any>} */
  const byToken = { alice: job('a', 'running', 9, 'alice'), bob: job('a', 'queued', 1, 'bob') };
  globalThis.fetch = /** @type {any} */ (async (/** @type {string} */ url, /** @type {any} */ init) => {
    const auth = init.headers.Authorization ?? null;
    asked.push({ url, auth, etag: init.headers['If-None-Match'] ?? null });
    const body = byToken[String(auth).replace('Bearer ', '')];
    return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json', ETag: `"${body.owner}"` } });
  });
  configure({ base: 'http://jobs.test', token: 'alice' });
  const changes = /** @type {any[]} */ ([]);
  const stopWatch = watchJob('a', j => changes.push(j));
  const first = /** @type {StandInEventSource} */ (StandInEventSource.opened.at(-1));
  assert.match(String(first.url), /access_token=alice/);
  first.onopen?.();
  await settle();
  assert.equal(changes.at(-1)?.owner, 'alice');

  hub.stop();
  assert.equal(hub.latest.size, 0, 'no job of the signed-out user is kept');
  let seeded = 0;
  const stopAny = hub.onAnyJob(() => seeded++);
  hub.publish(job('a', 'running', 10, 'alice')); // e.g. a start that answered after the sign-out
  const late = /** @type {any[]} */ ([]);
  const stopLate = watchJob('a', j => late.push(j));
  t.mock.timers.tick(TEN_MINUTES);
  await settle();
  assert.equal(seeded, 0, 'nothing is taken in while stopped');
  assert.deepEqual(late, [], 'a new watcher is not seeded with the previous user’s job');
  assert.equal(hub.latest.size, 0);
  const streams = StandInEventSource.opened.length;
  const fetched = asked.length;
  assert.equal(StandInEventSource.opened.at(-1), first, 'a new watcher while stopped opens no stream');

  configure({ token: 'bob' });
  const second = /** @type {StandInEventSource} */ (StandInEventSource.opened.at(-1));
  assert.equal(StandInEventSource.opened.length, streams + 1, 'configure() opens the stream again');
  assert.match(String(second.url), /access_token=bob/);
  assert.equal(hub.connection, 'connecting');
  await settle();
  const again = asked.slice(fetched);
  assert.ok(again.length >= 1, 'the watchers ask for their job again');
  assert.ok(again.every(a => a.auth === 'Bearer bob' && a.etag === null), `with Bob's token and no old ETag: ${JSON.stringify(again)}`);
  assert.equal(changes.at(-1)?.owner, 'bob', 'the watcher registered before the sign-out gets Bob’s copy (version 1 after Alice’s 9)');
  assert.equal(late.at(-1)?.owner, 'bob');
  stopWatch(); stopLate(); stopAny();
  hub.stop();
});

test('after stop, the next user’s start of the same job neither asks after the previous user’s job nor reuses its key', async () => {
  globalThis.EventSource = /** @type {any} */ (StandInEventSource);
  const asked = /** @type {{method: string, url: string, key: string|null}[]} */ ([]);
  globalThis.fetch = /** @type {any} */ (async (/** @type {string} */ url, /** @type {any} */ init) => {
    asked.push({ method: init.method, url, key: init.headers['Idempotency-Key'] ?? null });
    const owner = String(init.headers.Authorization).replace('Bearer ', '');
    // Like the server: someone else's job is not found.
    if (init.method === 'GET' && !url.includes(`/${owner}-job`)) return new Response(null, { status: 404 });
    const body = job(`${owner}-job`, 'running', 1, owner);
    return new Response(JSON.stringify(body), { status: init.method === 'POST' ? 202 : 200, headers: { 'Content-Type': 'application/json' } });
  });
  configure({ base: 'http://jobs.test', token: 'alice' });
  const alices = await startJob('demo.wait', { seconds: 120 });
  assert.equal(alices.job.owner, 'alice');

  hub.stop();
  configure({ token: 'bob' });
  const before = asked.length;
  const bobs = await startJob('demo.wait', { seconds: 120 });

  assert.equal(bobs.job.owner, 'bob');
  const starts = asked.filter(a => a.method === 'POST');
  assert.notEqual(starts.at(-1)?.key, starts.at(0)?.key, 'Bob’s start has a key of its own');
  assert.deepEqual(asked.slice(before).filter(a => a.url.includes('alice-job')), [], 'nothing asks after Alice’s job');
  hub.stop();
});

test('a refusal answered after stop does not announce an expired session', async () => {
  globalThis.EventSource = /** @type {any} */ (StandInEventSource);
  globalThis.fetch = /** @type {any} */ (async () => new Response(JSON.stringify({ detail: 'Sign in again.' }),
    { status: 401, headers: { 'Content-Type': 'application/problem+json' } }));
  const announced = /** @type {any[]} */ ([]);
  // Node's global is no EventTarget: stand in for the page's window.
  globalThis.dispatchEvent = (/** @type {any} */ e) => { if (e.type === 'longrun:signed-out') announced.push(e.detail); return true; };
  try {
    configure({ base: 'http://jobs.test', token: 'alice' });
    await assert.rejects(request('GET', '/api/jobs'), { status: 401 });
    assert.equal(announced.length, 1, 'a refusal while signed in says the session is gone');

    hub.stop();
    await assert.rejects(request('DELETE', '/api/session'), { status: 401 });
    assert.equal(announced.length, 1, 'after stop the page signed out itself');
  } finally {
    delete (/** @type {any} */ (globalThis)).dispatchEvent;
    hub.stop();
  }
});

test('calling a watch’s stop twice leaves a newer watch of the same job alone', () => {
  globalThis.EventSource = /** @type {any} */ (StandInEventSource);
  const { hub: h } = countingHub();
  const stopFirst = h.watch('a', { onChange: () => {} });
  stopFirst();
  const seen = /** @type {any[]} */ ([]);
  const stopSecond = h.watch('a', { onChange: j => seen.push(j) });
  stopFirst(); // e.g. a cleanup run twice

  h.publish(job('a', 'running', 50));
  assert.equal(seen.at(-1)?.version, 50, 'the newer watcher is still told');
  assert.ok(h.trackers.has('a'));
  stopSecond();
  assert.ok(!h.trackers.has('a'));
  h.stop();
});
