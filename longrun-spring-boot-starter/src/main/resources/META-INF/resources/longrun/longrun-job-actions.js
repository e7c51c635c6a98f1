// What a person can do next with a job, as <longrun-job> shows it: the buttons, and the outcome panel (the import
// preview or another registered action view, the result file, the failed items and how to fix or retry them).

import { fill, h, show, text } from './longrun-dom.js';
import { failedItemsPanel, resultPanel } from './longrun-job-parts.js';
import { isPartial, isPermanentFailure, isTerminal, typeLabel } from './longrun-words.js';
import { actionViewFor, fixViewFor } from './longrun-action-views.js';

/** @typedef {import('./longrun-client.js').Job} Job */
/** @typedef {ReturnType<typeof import('./longrun-words.js').typeWords>} TypeWords */

/**
 * The buttons of a job (Cancel, Retry, Start over, Review, Download) and the cancel effect, shown where they help.
 * @param {any} p the element's parts @param {Job} job @param {TypeWords} w
 * @param {{compact: boolean, cancelling: boolean, detail: string|null, effect?: string}} state
 */
export function drawActions(p, job, w, { compact, cancelling: asked, detail, effect }) {
  const cancellable = job.cancellable !== false && !isTerminal(job.status);
  show(p.cancel, cancellable);
  for (const b of [p.cancel, p.retry, p.review, p.download]) b.classList.toggle('lr-small', compact);
  const cancelling = asked || job.cancel_requested;
  p.cancel.disabled = cancelling;
  text(p.cancel, cancelling ? 'Cancelling…' : compact ? 'Cancel' : `Cancel ${w.noun}`);
  if (compact) p.cancel.setAttribute('aria-label', cancelling ? `Cancelling ${typeLabel(job)}` : `Cancel ${typeLabel(job)}`);
  const stopped = job.status === 'failed' || job.status === 'cancelled';
  // Retry only where it can help: a failure the job called permanent fails the same way again (an expired
  // upload, a file with no valid row); then "Start over" (or the type's word for it, "Upload again") leads on.
  const permanent = isPermanentFailure(job);
  show(p.retry, stopped && !permanent);
  // Retry leads on after a failure; a job the person cancelled was stopped on purpose, so Retry there is offered,
  // not urged. When "Retry the N failed" is on screen, it is the main way on; plain Retry steps back.
  p.retry.classList.toggle('lr-primary', job.status === 'failed' && !(compact === false && (job.summary?.failed || 0) > 0));
  if (compact) p.retry.setAttribute('aria-label', `Retry ${typeLabel(job)}`);
  show(p.startOver, stopped && !compact);
  // One main button: where the page can fix the failed items here, that fix leads on instead.
  p.startOver.classList.toggle('lr-primary', permanent && !((job.summary?.failed || 0) > 0 && fixViewFor(job)));
  text(p.startOver, permanent ? w.startOver : 'Start over');
  show(p.review, compact && job.status === 'needs_action' && !!detail);
  if (detail) p.review.setAttribute('href', detail);
  const url = job.result?.url;
  const fresh = !!url && (!job.result?.expires_at || Date.parse(job.result.expires_at) > Date.now());
  show(p.download, job.status === 'succeeded' && fresh && compact);
  if (url) p.download.setAttribute('href', url);
  text(p.download, 'Download');
  if (job.result?.filename) p.download.setAttribute('aria-label', `Download ${job.result.filename}`);
  show(p.effect, cancellable && !cancelling && !!effect && !compact);
  if (effect) text(p.effect, `If you cancel: ${effect}`);
}

/**
 * The part that depends on the outcome: the import preview, the file, the failed items. Built again only when the
 * job or its type's words changed.
 * @param {any} p the element's parts @param {Job} job @param {any} host the <longrun-job> (confirm, retry-failed)
 * @param {boolean} typed whether the job types have arrived
 */
export function drawOutcome(p, job, host, typed) {
  // The type's words (items, "sent") may arrive after the job's final version: build again once they have, or a
  // job that finished first keeps saying "9 items failed" (seen in InviteTest on a busy machine). The job's id too:
  // a retry followed by the same element can end at the same status and version as the job it came from.
  const key = `${job.id}|${job.status}|${job.version}|${job.result?.url || ''}|${typed ? 'typed' : ''}`;
  if (p.special.dataset.key === key) return;
  p.special.dataset.key = key;
  const actionView = actionViewFor(job);
  if (actionView) {
    let view = /** @type {any} */ (p.special.querySelector(actionView));
    if (!view) {
      view = document.createElement(actionView);
      fill(p.special, view);
    }
    view.job = job;
  } else if (job.status === 'needs_action') {
    fill(p.special, h('div', { class: 'lr-card' }, h('p', {}, job.action?.message || 'This job is waiting for your decision.'),
      h('button', { type: 'button', class: 'lr-button lr-primary', onclick: () => host.act('confirm') }, 'Continue')));
  } else if (job.status === 'succeeded') {
    fill(p.special, resultPanel(job, host), isPartial(job) ? failedItemsPanel(job, host) : null);
  } else if (job.status === 'failed' && (job.summary?.failed || 0) > 0) {
    // Every item failed: their reasons, a download of them, and a retry of only those.
    fill(p.special, failedItemsPanel(job, host));
  } else {
    fill(p.special);
  }
  show(p.special, p.special.childElementCount > 0);
}
