// `hub.onLive`: a list read before the stream opened (or while it was down) may miss a job whose events went to
// nobody, so it is told each time the stream goes live after it was not, and only then. A stand-in EventSource
// puts the stream in each state.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EventHub } from '../src/longrun-events.js';
import { StandInEventSource } from './support/stand-in-event-source.js';

test('onLive is called when the stream first opens and when it is back after a drop, never while it stays live', () => {
  globalThis.EventSource = /** @type {any} */ (StandInEventSource);
  const hub = new EventHub({
    eventsUrl: () => 'http://127.0.0.1:1/api/events',
    fetchJob: async () => ({ status: 304, data: null, etag: null }),
  });
  let live = 0;
  const stop = hub.onLive(() => live++);
  const stopAny = hub.onAnyJob(() => {});
  const es = StandInEventSource.opened.at(-1);
  assert.ok(es, 'the hub opened its stream');
  assert.equal(live, 0, 'connecting is not live');

  es.onopen?.();
  assert.equal(live, 1, 'the first open');
  hub.publish(/** @type {any} */ ({ id: 'a', status: 'running', version: 1 }));
  assert.equal(live, 1, 'events on a live stream are not a new start');

  es.onerror?.();
  assert.equal(hub.connection, 'reconnecting');
  es.onopen?.();
  assert.equal(live, 2, 'back after a drop');

  let lateLive = 0;
  const stopLate = hub.onLive(() => lateLive++);
  assert.equal(lateLive, 0, 'a listener added while the stream is live has nothing to catch up on');

  stop();
  es.onerror?.();
  es.onopen?.();
  assert.equal(live, 2, 'a stopped listener is not called');
  assert.equal(lateLive, 1);
  stopLate();
  stopAny();
  hub.closeStream();
});
