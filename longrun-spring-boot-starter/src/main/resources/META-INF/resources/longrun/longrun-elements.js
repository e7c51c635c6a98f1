// Every Longrun element class and the client, without defining any element: a host page configures first, then
// defines, so no element fetches before it has the token (or the API path):
//   import { configure, defineAll } from '/longrun/longrun-elements.js';
//   configure({ token: window.LONGRUN_TOKEN });
//   defineAll();
// `longrun.js` (or `longrun-define.js`) defines them all on import instead, for pages that need no configure()
// (the session cookie of the bundled dashboard, or <meta name="longrun-token">).

import { LongrunBell } from './longrun-bell.js';
import { LongrunImportPreview } from './longrun-import-preview.js';
import { LongrunJob } from './longrun-job.js';
import { LongrunJobs } from './longrun-jobs.js';
import { LongrunTabTitle } from './longrun-tab-title.js';
import { LongrunTimeline } from './longrun-timeline.js';
import { LongrunToasts } from './longrun-toasts.js';

export { configure, startJob, watchJob, upload, getJob, listJobs, jobTypes, LongrunError } from './longrun-client.js';
export { registerActionView, registerFixView } from './longrun-action-views.js';
export { LongrunBell, LongrunImportPreview, LongrunJob, LongrunJobs, LongrunTabTitle, LongrunTimeline, LongrunToasts };

/** Defines every `longrun-*` element (those already defined are left alone). @param {CustomElementRegistry} [registry] */
export function defineAll(registry = customElements) {
  LongrunImportPreview.define(undefined, registry);
  LongrunJob.define(undefined, registry);
  LongrunJobs.define(undefined, registry);
  LongrunToasts.define(undefined, registry);
  LongrunBell.define(undefined, registry);
  LongrunTabTitle.define(undefined, registry);
  LongrunTimeline.define(undefined, registry);
}
