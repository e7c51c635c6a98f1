// One import for a page that wants every Longrun element: `<script type="module" src="/longrun/longrun.js">`.
// Host pages that need only one element import its file instead and call its define().

import { LongrunBell } from './longrun-bell.js';
import { LongrunImportPreview } from './longrun-import-preview.js';
import { LongrunJob } from './longrun-job.js';
import { LongrunJobs } from './longrun-jobs.js';
import { LongrunTabTitle } from './longrun-tab-title.js';
import { LongrunToasts } from './longrun-toasts.js';

export { configure, startJob, watchJob, upload, getJob, listJobs, jobTypes, LongrunError } from './longrun-client.js';
export { LongrunBell, LongrunImportPreview, LongrunJob, LongrunJobs, LongrunTabTitle, LongrunToasts };

LongrunImportPreview.define();
LongrunJob.define();
LongrunJobs.define();
LongrunToasts.define();
LongrunBell.define();
LongrunTabTitle.define();
