// One import for a page that wants every Longrun element: `<script type="module" src="/longrun/longrun.js">`.
// It defines them all at once (see longrun-define.js); they fetch as soon as they are in the page, with the session
// cookie or with <meta name="longrun-token" content="…"> and <meta name="longrun-api" content="/api"> when present.
//
// In a host application that hands over a token from script, configure before defining (docs/COMPONENTS.md):
//   <link rel="stylesheet" href="/longrun/longrun.css">
//   <script type="module">
//     import { configure, defineAll, startJob } from '/longrun/longrun-elements.js';
//     configure({ token: window.LONGRUN_TOKEN });            // sent as Bearer, and as ?access_token= on /api/events
//     defineAll();
//     document.querySelector('#export').onclick = async () => {
//       const { job } = await startJob('invoices.export', { query: 'acme' });   // once, even on a double click
//       document.querySelector('longrun-job').setAttribute('job-id', job.id);
//     };
//   </script>
//   <longrun-job mode="expanded" starting></longrun-job>   <longrun-toasts></longrun-toasts>

import './longrun-define.js';

export * from './longrun-elements.js';
