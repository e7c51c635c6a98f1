// The views of a job waiting for a person's decision (status needs_action), chosen by the job's `action.kind`.
// <longrun-job> shows the registered element for the kind; a host page registers views for kinds of its own.
//
// The action a handler sets (return ctx.needsAction(kind, message, preview)) reaches the page as
//   job.action = { kind: 'import_preview', message: '842 rows parsed · …', preview: { …what the view needs… } }
// Built in: 'import_preview' → <longrun-import-preview>, whose `preview` is
//   { filename?, rows_parsed, ready, warnings, errors, problems?: [{row, column, severity, message}], problems_truncated? }
// Any other kind without a view gets the plain card: the message and a Continue button.

/** @typedef {import('./longrun-client.js').Job} Job */

/** @type {Map<string, string>} */
const VIEWS = new Map([['import_preview', 'longrun-import-preview']]);

/**
 * Shows jobs whose `action.kind` is `kind` with the custom element `tagName` (define the element yourself). The
 * element gets the job as its `job` property on every change and asks for the decision itself, e.g. with
 * `jobAction(job.id, 'confirm')`. Registering a kind again replaces its view.
 * @param {string} kind @param {string} tagName
 */
export function registerActionView(kind, tagName) {
  if (!kind) throw new Error('An action view needs the action kind it shows.');
  if (!/^[a-z][a-z0-9._]*-[a-z0-9._-]*$/.test(tagName)) {
    throw new Error(`"${tagName}" is not a custom element name: use lowercase letters and a dash, e.g. "my-approval".`);
  }
  VIEWS.set(kind, tagName);
}

/** The tag of the view for this job's decision; undefined when it waits for none or its kind has no view. @param {Job} job */
export function actionViewFor(job) {
  if (job.status !== 'needs_action' || !job.action?.kind) return undefined;
  return VIEWS.get(job.action.kind);
}

/** @type {Map<string, string>} */
const FIX_VIEWS = new Map();

/**
 * Shows, for jobs of `type` with items that failed for good (an item API `retryable: false`, e.g. "No email
 * address"), the custom element `tagName` to fix them where they are. The element gets the job as its `job` property
 * and those items as `items`; once they are fixed it fires `longrun-retry-fixed` (bubbling), and the job element runs
 * the failed items again and follows that new job. Without a fix view, such items offer only their CSV.
 * @param {string} type @param {string} tagName
 */
export function registerFixView(type, tagName) {
  if (!type) throw new Error('A fix view needs the job type whose failed items it fixes.');
  if (!/^[a-z][a-z0-9._]*-[a-z0-9._-]*$/.test(tagName)) {
    throw new Error(`"${tagName}" is not a custom element name: use lowercase letters and a dash, e.g. "my-fix".`);
  }
  FIX_VIEWS.set(type, tagName);
}

/** The tag of the fix view for this job's type, if one is registered. @param {Job} job */
export function fixViewFor(job) {
  return FIX_VIEWS.get(job.type);
}
