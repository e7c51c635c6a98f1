// The formatting module against the shared table of cases its Java twin passes too, plus the cases only the
// browser side has. Run by `npm test` in longrun-js (and .ci/run).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as format from '../src/longrun-format.js';

const table = JSON.parse(readFileSync(new URL('../../longrun-core/src/test/resources/format-cases.json', import.meta.url), 'utf8'));
const NOW = Date.parse('2026-11-28T14:02:00Z');

/** ago/until take a distance in ms in the table; the module takes a time. */
function call(fn, args) {
  if (fn === 'ago') return format.ago(new Date(NOW - args[0]).toISOString(), NOW);
  if (fn === 'until') return format.until(new Date(NOW + args[0]).toISOString(), NOW);
  return format[fn](...args);
}

for (const c of table.cases) {
  test(`${c.fn}(${c.args.map(a => JSON.stringify(a)).join(', ')}) is ${JSON.stringify(c.expect)}`, () => {
    assert.equal(call(c.fn, c.args), c.expect);
  });
}

test('every function of the table exists in the module', () => {
  for (const fn of new Set(table.cases.map(c => c.fn))) assert.equal(typeof format[fn], 'function', fn);
});

test('no time and no position read as nothing, not "NaN"', () => {
  assert.equal(format.ago(null, NOW), '');
  assert.equal(format.until(undefined, NOW), '');
  assert.equal(format.position(null, 3), '');
  assert.equal(format.number(NaN), '0');
  assert.equal(format.bytes(undefined), '0 bytes');
});

test('ago accepts epoch milliseconds as well as ISO times', () => {
  assert.equal(format.ago(NOW - 12_000, NOW), '12 s ago');
});

test('expiresIn counts minutes and hours with plurals, and nothing once expired', () => {
  assert.equal(format.expiresIn(new Date(NOW + 24 * 3600_000).toISOString(), NOW), 'Link expires in 24 hours');
  assert.equal(format.expiresIn(new Date(NOW + 3600_000).toISOString(), NOW), 'Link expires in 60 minutes');
  assert.equal(format.expiresIn(new Date(NOW + 60_000).toISOString(), NOW), 'Link expires in about a minute');
  assert.equal(format.expiresIn(new Date(NOW - 1).toISOString(), NOW), null);
});
