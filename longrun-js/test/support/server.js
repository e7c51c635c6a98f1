// What the client tests need around a real Longrun server: its address (LONGRUN_URL and LONGRUN_API_KEY, set by
// the JUnit test dev.longrun.server.js.LongrunJsClientTest that starts the server), a browser token for a fresh
// user, and a proxy in front of the server that can drop or refuse event streams and counts what passed it.

import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { EventSource } from 'eventsource';

// Node 20 has fetch but no EventSource; the client uses whichever the runtime provides, as a browser's.
globalThis.EventSource ??= /** @type {any} */ (EventSource);

export const SERVER = process.env.LONGRUN_URL;
const API_KEY = process.env.LONGRUN_API_KEY;
if (!SERVER || !API_KEY) {
  throw new Error('Set LONGRUN_URL and LONGRUN_API_KEY to a running Longrun server (the JUnit test LongrunJsClientTest does), '
    + 'e.g. LONGRUN_URL=http://127.0.0.1:8080 LONGRUN_API_KEY=demo-key-change-me npm test');
}

/** A browser token for a user of its own, so tests never see each other's jobs. */
export async function freshUser() {
  const user = `js-${randomUUID().slice(0, 8)}`;
  const res = await fetch(`${SERVER}/api/tokens`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Longrun-Api-Key': API_KEY },
    body: JSON.stringify({ account_id: 'js-tests', user_id: user, ttl_seconds: 600 }),
  });
  if (!res.ok) throw new Error(`minting a token answered ${res.status}: ${await res.text()}`);
  return { user, token: (await res.json()).token };
}

/**
 * A pass-through proxy to the server. `blockEvents` refuses /api/events with 503 (a proxy that does not allow
 * streaming); `dropStreams()` cuts the open event streams as a network loss would.
 * @param {{blockEvents?: boolean}} [options]
 */
export async function startProxy({ blockEvents = false } = {}) {
  const target = new URL(SERVER);
  /** @type {Set<import('node:http').ServerResponse>} */
  const streams = new Set();
  /** @type {{method: string, path: string, status: number, at: number}[]} */
  const log = [];
  let eventStreamsOpened = 0;
  const server = http.createServer((req, res) => {
    const path = req.url || '/';
    const entry = { method: req.method || 'GET', path, status: 0, at: Date.now() };
    log.push(entry);
    if (path.startsWith('/api/events') && blockEvents) {
      entry.status = 503;
      res.writeHead(503, { 'Content-Type': 'text/plain' }).end('streaming is not allowed here');
      return;
    }
    const upstream = http.request({ host: target.hostname, port: target.port, method: req.method, path, headers: req.headers }, up => {
      entry.status = up.statusCode || 0;
      res.writeHead(up.statusCode || 502, up.headers);
      if (path.startsWith('/api/events') && up.statusCode === 200) {
        eventStreamsOpened++;
        streams.add(res);
        res.on('close', () => { streams.delete(res); up.destroy(); });
      }
      up.pipe(res);
    });
    upstream.on('error', () => { if (!res.headersSent) res.writeHead(502); res.end(); });
    req.pipe(upstream);
  });
  await new Promise(resolve => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = /** @type {import('node:net').AddressInfo} */ (server.address());
  return {
    url: `http://127.0.0.1:${address.port}`,
    log,
    get eventStreamsOpened() { return eventStreamsOpened; },
    /** Cuts every open event stream mid-flight. */
    dropStreams() {
      const open = [...streams];
      for (const res of open) res.socket?.destroy();
      return open.length;
    },
    close() {
      server.closeAllConnections();
      return new Promise(resolve => server.close(() => resolve(undefined)));
    },
  };
}

/**
 * Waits until `check()` holds (checked every 25 ms, like Awaitility), failing with `what` after `ms`.
 * @param {string} what @param {number} ms @param {() => any} check
 */
export async function until(what, ms, check) {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${ms} ms waiting for ${what}`);
    await new Promise(resolve => setTimeout(resolve, 25));
  }
}
