// Where the client (longrun-js/src, served under /longrun/) sends requests: the API path from configure() (longrun.http.base-path on the server), else /api.
// Run by `node --test` (BrowserModulesTest runs it in the Maven build).
import { test } from 'node:test';
import assert from 'node:assert/strict';

globalThis.window = new EventTarget();
const configured = [];
window.addEventListener('longrun:configured', () => configured.push(true));
const client = await import('../../../../longrun-js/src/longrun-client.js');

test('by default API paths stay under /api', () => {
  assert.equal(client.apiUrl('/api/jobs/1/events'), '/api/jobs/1/events');
});

test('a moved API path replaces /api in every request and link, and elements hear of it', () => {
  client.configure({ api: '/jobs-api/v1/' });
  assert.equal(client.apiUrl('/api/jobs/1/events'), '/jobs-api/v1/jobs/1/events');
  assert.equal(client.apiUrl('/api/events'), '/jobs-api/v1/events');
  assert.equal(client.apiUrl('/orders.html'), '/orders.html', 'paths outside the API are left alone');
  assert.ok(configured.length >= 1, 'longrun:configured was fired');
});

test('another origin is put in front', () => {
  client.configure({ base: 'https://jobs.example.com/', api: '/api' });
  assert.equal(client.apiUrl('/api/jobs'), 'https://jobs.example.com/api/jobs');
});
