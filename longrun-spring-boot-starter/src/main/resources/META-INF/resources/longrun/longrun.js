// One import for a page that wants every Longrun element: `<script type="module" src="/longrun/longrun.js">`.
// Host pages that need only one element import its file instead and call its define().
//
// In a host application (its own sign-in, a short-lived user token minted by its backend):
//   <link rel="stylesheet" href="/longrun/longrun.css">
//   <script type="module">
//     import { configure, startJob } from '/longrun/longrun.js';
//     configure({ token: window.LONGRUN_TOKEN });            // sent as Bearer, and as ?access_token= on /api/events
//     document.querySelector('#export').onclick = async () => {
//       const { job } = await startJob('invoices.export', { query: 'acme' });   // once, even on a double click
//       document.querySelector('longrun-job').setAttribute('job-id', job.id);
//     };
//   </script>
//   <longrun-job mode="expanded" starting></longrun-job>   <longrun-toasts></longrun-toasts>

import { LongrunBell } from './longrun-bell.js';
import { LongrunImportPreview } from './longrun-import-preview.js';
import { LongrunJob } from './longrun-job.js';
import { LongrunJobs } from './longrun-jobs.js';
import { LongrunTabTitle } from './longrun-tab-title.js';
import { LongrunTimeline } from './longrun-timeline.js';
import { LongrunToasts } from './longrun-toasts.js';

export { configure, startJob, watchJob, upload, getJob, listJobs, jobTypes, LongrunError } from './longrun-client.js';
export { registerActionView } from './longrun-action-views.js';
export { LongrunBell, LongrunImportPreview, LongrunJob, LongrunJobs, LongrunTabTitle, LongrunTimeline, LongrunToasts };

LongrunImportPreview.define();
LongrunJob.define();
LongrunJobs.define();
LongrunToasts.define();
LongrunBell.define();
LongrunTabTitle.define();
LongrunTimeline.define();
