// `event: resync` (the user stream came back after more changes than the server replays): the hub fetches every
// watched job again and tells the lists to load again. A stand-in EventSource delivers the event, so this needs no
// server and can put the stream in exactly that state.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EventHub } from '../src/longrun-events.js';
import { StandInEventSource } from './support/stand-in-event-source.js';

test('a resync fetches each watched unfinished job again and asks every list to reload', async () => {
  globalThis.EventSource = /** @type {any} */ (StandInEventSource);
  /** @type {string[]} */
  const fetched = [];
  const hub = new EventHub({
    eventsUrl: () => 'http://127.0.0.1:1/api/events',
    fetchJob: async id => {
      fetched.push(id);
      return { status: 304, data: null, etag: null };
    },
  });
  const running = { id: 'a', status: 'running', version: 3 };
  const finished = { id: 'b', status: 'succeeded', version: 9 };
  hub.publish(/** @type {any} */ (running));
  hub.publish(/** @type {any} */ (finished));
  const stopA = hub.watch('a', { onChange: () => {} });
  const stopB = hub.watch('b', { onChange: () => {} });
  let reloads = 0;
  const stopResync = hub.onResync(() => reloads++);
  const es = StandInEventSource.opened.at(-1);
  assert.ok(es, 'the hub opened its stream');
  es.onopen?.();
  await new Promise(r => setTimeout(r, 10));
  fetched.length = 0;

  es.emit('resync', '{}');
  await new Promise(r => setTimeout(r, 10));

  assert.equal(reloads, 1, 'the list was asked to load again once');
  assert.deepEqual(fetched, ['a'], 'the running job was fetched again; the finished one is final and was not');

  stopResync();
  es.emit('resync', '{}');
  await new Promise(r => setTimeout(r, 10));
  assert.equal(reloads, 1, 'a stopped listener is not called');
  stopA();
  stopB();
  hub.closeStream();
});
