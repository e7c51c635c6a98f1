// The words a job type declares for itself (GET /api/job-types) and the views of decisions by action.kind: the
// starter's elements know no job type of any host. Run by `node --test` (BrowserModulesTest runs it in the build).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { failedCount, isPermanentFailure, nextStep, rememberTypes, tabTitle, typeWords } from '../../../../longrun-js/src/longrun-words.js';
import { actionViewFor, fixViewFor, registerActionView, registerFixView } from '../../main/resources/META-INF/resources/longrun/longrun-action-views.js';

const job = (type, extra = {}) => ({ id: 'j1', type, type_label: 'Export invoices', status: 'running', ...extra });

test('before the job types arrive, a type is spoken of by its label and neutral words', () => {
  rememberTypes({});
  assert.deepEqual(typeWords(job('invoices.export')), {
    icon: '●', running: 'Export invoices', done: 'Export invoices complete', noun: 'job',
    items: undefined, sent: undefined, failed: undefined, retryFailed: undefined, startOver: 'Start over',
  });
});

test('a type speaks with the words it declares', () => {
  rememberTypes({
    'invoices.export': {
      name: 'invoices.export', retry_failed: false,
      words: { icon: '⇩', running: 'Exporting invoices', done: 'Export complete', noun: 'export', items: 'rows', items_done: 'exported', items_failed: 'skipped' },
    },
  });
  const w = typeWords(job('invoices.export'));
  assert.equal(w.icon, '⇩');
  assert.equal(w.noun, 'export');
  assert.equal(w.retryFailed, false);
  assert.equal(tabTitle(job('invoices.export', { progress_pct: 45 })), '(45%) Exporting invoices…');
  assert.equal(tabTitle(job('invoices.export', { status: 'succeeded' })), '✓ Export complete');
  assert.equal(failedCount(job('invoices.export'), 2), '2 rows skipped');
});

test('a type that declares only some words gets neutral words for the rest', () => {
  rememberTypes({ 'mail.send': { name: 'mail.send', retry_failed: true, words: { running: 'Sending mail' } } });
  const w = typeWords(job('mail.send', { type_label: 'Send mail' }));
  assert.equal(w.running, 'Sending mail');
  assert.equal(w.done, 'Send mail complete');
  assert.equal(w.icon, '●');
  assert.equal(w.retryFailed, true);
  assert.equal(failedCount(job('mail.send'), 1), '1 item failed');
});

test('a decision is shown by the view registered for its action.kind', () => {
  const waiting = (kind) => ({ id: 'j2', type: 'x.y', status: 'needs_action', action: { kind, message: 'Go on?' } });
  assert.equal(actionViewFor(waiting('import_preview')), 'longrun-import-preview');
  assert.equal(actionViewFor(waiting('approval')), undefined);
  registerActionView('approval', 'host-approval');
  assert.equal(actionViewFor(waiting('approval')), 'host-approval');
  assert.equal(actionViewFor({ ...waiting('approval'), status: 'running' }), undefined);
  assert.throws(() => registerActionView('other', 'nodash'), /not a custom element name/);
});

test('a failure the job called permanent leads on by starting over, in the words the type declares', () => {
  rememberTypes({ 'catalog.import': { name: 'catalog.import', words: { start_over: 'Upload again' } } });
  const expired = { id: 'j3', type: 'catalog.import', type_label: 'Import contacts', status: 'failed',
    error: { code: 'upload_missing', retryable: false } };
  assert.equal(isPermanentFailure(expired), true);
  assert.equal(typeWords(expired).startOver, 'Upload again');
  assert.match(nextStep(expired), /would fail the same way: use “Upload again” to go on/);
  const temporary = { ...expired, error: { code: 'timeout', retryable: true } };
  assert.equal(isPermanentFailure(temporary), false);
  assert.match(nextStep(temporary), /Retry runs it again with the same inputs/);
  assert.equal(isPermanentFailure({ ...expired, status: 'cancelled' }), false);
});

test('items that failed for good are fixed by the view registered for their job type', () => {
  const invite = { id: 'j4', type: 'team.invite', status: 'succeeded' };
  assert.equal(fixViewFor(invite), undefined);
  registerFixView('team.invite', 'invite-fix');
  assert.equal(fixViewFor(invite), 'invite-fix');
  assert.equal(fixViewFor({ ...invite, type: 'catalog.export' }), undefined);
  assert.throws(() => registerFixView('x', 'nodash'), /not a custom element name/);
  assert.throws(() => registerFixView('', 'a-b'), /needs the job type/);
});
