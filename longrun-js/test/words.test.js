// The sentences and figures the job screens derive from a job: a retry's backoff, a step job's percent, what a
// job works on. Run by `npm test` in longrun-js (and .ci/run).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { barOf, cancelNote, elapsed, inLine, isRetryWait, placeInLine, progressOf, retrySentence, sentence, subjectOf, tabTitle } from '../src/longrun-words.js';
import { took } from '../src/longrun-format.js';

const NOW = Date.parse('2026-11-28T14:02:00Z');
const at = (/** @type {number} */ s) => new Date(NOW + s * 1000).toISOString();

test('a job waiting out its retry backoff says the attempt failed, why, and when it retries', () => {
  const job = { status: 'pending', attempt: 1, max_attempts: 3, error_message: 'The mail server did not answer.', run_after: at(12) };
  assert.equal(isRetryWait(job), true);
  assert.equal(retrySentence(job, NOW), 'Attempt 1 of 3 failed: The mail server did not answer. Retrying in 12 s — no need to start over.');
  assert.equal(sentence(job, NOW), retrySentence(job, NOW));
  assert.match(retrySentence({ ...job, run_after: at(-1) }, NOW), /Retrying any moment now/);
});

test('a queued job that never ran is not a retry, and one waiting for another job is not either', () => {
  assert.equal(isRetryWait({ status: 'pending', attempt: 0 }), false);
  assert.equal(isRetryWait({ status: 'pending', attempt: 1, waiting_for: 'x' }), false);
});

test('a step job counts its finished steps and the current step\'s own progress', () => {
  assert.equal(progressOf({ status: 'running', current_step: 1, total_steps: 4, progress_pct: null }), 0);
  assert.equal(progressOf({ status: 'running', current_step: 3, total_steps: 4, progress_pct: null }), 50);
  assert.equal(progressOf({ status: 'running', current_step: 3, total_steps: 4, progress_pct: 50 }), 62.5);
  assert.equal(progressOf({ status: 'running', progress_pct: 45.5 }), 45.5);
  assert.equal(progressOf({ status: 'running', progress_pct: null }), null);
  assert.equal(progressOf({ status: 'succeeded', progress_pct: null }), 100);
  assert.equal(tabTitle({ type: 'x', type_label: 'Report', status: 'running', current_step: 3, total_steps: 4, progress_pct: null }).startsWith('(50%) '), true);
});

test('the tab title of a job still waiting says queued, not what it will do once it runs', () => {
  // Bad inputs tried: a job in line, and one waiting to retry after a temporary problem. Both were titled like a
  // running job ("Exporting contacts…") while their card said "Queued".
  const job = { type: 'x', type_label: 'Export contacts', status: 'pending', attempt: 0, queue_position: 3, queue_size: 5 };
  assert.equal(tabTitle(job), 'Queued · Export contacts');
  assert.equal(tabTitle({ ...job, attempt: 1, queue_position: null, run_after: new Date(Date.now() + 4000).toISOString() }), 'Queued · Export contacts');
});

test('a job is named by what it works on', () => {
  assert.equal(subjectOf({ params: { query: ' acme ' } }), 'matching “acme”');
  assert.equal(subjectOf({ params: {}, result: { filename: 'people.csv' } }), 'people.csv');
  assert.equal(subjectOf({ params: { query: 'acme' }, result: { filename: 'people.csv' } }), 'matching “acme”');
  assert.equal(subjectOf({ params: { upload_id: 'u' }, action: { preview: { filename: 'in.csv' } } }), 'in.csv');
  assert.equal(subjectOf({ params: { contact_ids: [1, 2, 3] } }), '3 recipients');
  assert.equal(subjectOf({ params: { title: 'Q4' } }), '“Q4”');
  assert.equal(subjectOf({ params: { seconds: 5 } }), '');
});

test('a place in line reads the same however long the line, and past the counted part of a long one it says so', () => {
  const queued = { status: 'pending', attempt: 0 };
  assert.equal(placeInLine({ ...queued, queue_position: 4, queue_size: 12, queue_more_than: null }), 'Position 4 of 12');
  assert.equal(placeInLine({ ...queued, queue_position: 4, queue_size: null, queue_more_than: 1000 }), 'Position 4 of more than 1,000');
  const farBack = { ...queued, queue_position: null, queue_size: null, queue_more_than: 1000 };
  assert.equal(placeInLine(farBack), 'Position over 1,000');
  assert.equal(inLine(farBack), true);
  assert.equal(sentence(farBack, NOW), 'Waiting for the jobs ahead of it to start.');
  assert.equal(sentence({ ...queued, queue_position: 1, queue_size: null, queue_more_than: 1000 }, NOW),
    'Next in line — it starts as soon as a slot frees up.');
});

test('a job waiting for another job, or not pending, has no place in line', () => {
  assert.equal(placeInLine({ status: 'pending', attempt: 0, waiting_for: 'x', queue_position: null, queue_more_than: 1000 }), '');
  assert.equal(placeInLine({ status: 'running', attempt: 1, queue_position: null, queue_size: null }), '');
  assert.equal(sentence({ status: 'pending', attempt: 0, queue_position: null, queue_size: null }, NOW), 'Waiting to start.');
});

test('a job in its first second has run "under 1 s", worded as a finished job that took as long', () => {
  // Tried: 0, 0.4 and 0.6 s (the last rounds to "1 s" as a plain duration), 1.4 s, and a start a little in the future
  // (another machine's clock). Was: "Running for 0 s" beside "took under 1 s".
  const running = (/** @type {number} */ s, attempt = 1) => ({ status: 'running', attempt, started_at: at(-s), created_at: at(-s - 5) });
  for (const s of [0, 0.4, 0.6, 1.4]) {
    assert.equal(elapsed(running(s), NOW), `Running for ${took(s)}`);
  }
  assert.equal(elapsed(running(0.4), NOW), 'Running for under 1 s');
  assert.equal(elapsed(running(1.4), NOW), 'Running for 1 s');
  assert.equal(elapsed(running(-2), NOW), 'Running for under 1 s');
  assert.equal(elapsed(running(65, 2), NOW), 'Attempt 2 running for 1 min 5 s');
  assert.equal(elapsed({ status: 'pending', attempt: 0, created_at: at(-0.3) }, NOW), 'Waiting for under 1 s');
  assert.equal(elapsed({ status: 'pending', attempt: 0, created_at: at(-12) }, NOW), 'Waiting for 12 s');
  assert.equal(elapsed({ status: 'succeeded', attempt: 1, started_at: at(-3) }, NOW), null);
});

test('the note on a cancel of many jobs says what is true at each moment, and says when they all have stopped', () => {
  // Tried: none stopped yet, some cancelled, some finished first, all cancelled, one job, every job finished first.
  // Was: "Cancel requested for 12 jobs." for good, under twelve rows reading Cancelled.
  assert.equal(cancelNote(0, 0, 12), 'Cancelling 12 jobs: 12 still stopping…');
  assert.equal(cancelNote(9, 0, 3), 'Cancelling 12 jobs: 9 cancelled, 3 still stopping…');
  assert.equal(cancelNote(8, 1, 3), 'Cancelling 12 jobs: 8 cancelled, 1 finished first, 3 still stopping…');
  assert.equal(cancelNote(12, 0, 0), '12 jobs cancelled.');
  assert.equal(cancelNote(10, 2, 0), '10 jobs cancelled; 2 finished before the cancel reached them.');
  assert.equal(cancelNote(11, 1, 0), '11 jobs cancelled; 1 finished before the cancel reached it.');
  assert.equal(cancelNote(0, 0, 1), 'Cancelling 1 job…');
  assert.equal(cancelNote(1, 0, 0), '1 job cancelled.');
  assert.equal(cancelNote(0, 1, 0), 'The job finished before the cancel reached it.');
  assert.equal(cancelNote(0, 3, 0), '3 jobs finished before the cancel reached them.');
  assert.equal(cancelNote(1_200, 0, 0), '1,200 jobs cancelled.');
});

test('the bar is drawn only where it tells something true, and says how far a stopped job got', () => {
  // Tried: running with steps, queued in line, waiting to retry, waiting for another job, waiting for a decision,
  // cancelled part way, cancelled before any progress, failed with nothing counted, finished on a card and in a row.
  const steps = { status: 'running', current_step: 2, total_steps: 4, progress_pct: null };
  assert.deepEqual(barOf(steps), { shown: true, value: 25, text: '25%, step 2 of 4' });
  assert.deepEqual(barOf({ status: 'running', progress_pct: null }), { shown: true, value: null, text: 'In progress, no percentage available' });
  assert.deepEqual(barOf({ status: 'pending', attempt: 0, queue_position: 2 }), { shown: true, value: null, text: 'Waiting to start' });
  assert.equal(barOf({ status: 'pending', attempt: 1, run_after: at(10), error_message: 'x' }).shown, false);
  assert.equal(barOf({ status: 'pending', attempt: 0, waiting_for: 'other' }).shown, false);
  assert.equal(barOf({ status: 'needs_action', progress_pct: 40 }).shown, false);
  assert.deepEqual(barOf({ status: 'cancelled', progress_pct: 40 }), { shown: true, value: 40, text: '40%, stopped' });
  assert.equal(barOf({ status: 'cancelled', current_step: 1, total_steps: 3, progress_pct: null }).shown, false);
  assert.equal(barOf({ status: 'failed', progress_pct: null }).shown, false);
  assert.deepEqual(barOf({ status: 'succeeded' }, true), { shown: true, value: 100, text: 'Completed' });
  assert.equal(barOf({ status: 'succeeded' }).shown, false);
});
