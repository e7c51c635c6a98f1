// A look at a finished job's file beside its Download: the first rows of a CSV as a table, or the first page of a
// PDF as an image (drawn by the server from the stored file). Part of <longrun-job>'s result card.

import { apiUrl, request } from './longrun-client.js';
import { fill, h } from './longrun-dom.js';
import { count, number } from './longrun-format.js';

/** @typedef {import('./longrun-client.js').Job} Job */

/**
 * The preview block, empty until the server answers; it stays empty for files it cannot show.
 * @param {Job} job
 * @returns {HTMLElement}
 */
export function resultPreview(job) {
  const box = h('div', { class: 'lr-result-preview', 'aria-live': 'polite' });
  request('GET', `/api/jobs/${encodeURIComponent(job.id)}/result-preview`).then(({ data }) => {
    if (data?.kind === 'table') fill(box, table(data, job));
    else if (data?.kind === 'image') fill(box, image(data, job));
  }, () => { /* no preview: the Download beside it is the way to the file */ });
  return box;
}

/** @param {{columns: string[], rows: string[][], total_rows?: number|null}} data @param {Job} job */
function table(data, job) {
  const shown = data.rows.length;
  const total = data.total_rows ?? job.result?.row_count ?? null;
  const caption = total != null && total > shown
    ? `The first ${number(shown)} of ${count(total, 'row')}`
    : `All ${count(shown, 'row')}`;
  return h('figure', { class: 'lr-preview-table' },
    h('div', { class: 'lr-table-wrap', tabindex: '0', role: 'region', 'aria-label': `Preview of ${job.result?.filename || 'the file'}` },
      h('table', {},
        h('thead', {}, h('tr', {}, ...data.columns.map(c => h('th', { scope: 'col' }, c)))),
        h('tbody', {}, ...data.rows.map(r => h('tr', {}, ...r.map(c => h('td', { title: c }, c))))))),
    h('figcaption', {}, `${caption} of ${job.result?.filename || 'the file'}. Download it for everything.`));
}

/** @param {{image_url: string}} data @param {Job} job */
function image(data, job) {
  const name = job.result?.filename || 'the PDF';
  const img = h('img', { src: apiUrl(data.image_url), alt: `The first page of ${name}`, loading: 'lazy', width: '420' });
  const figure = h('figure', { class: 'lr-preview-page' }, img, h('figcaption', {}, `The first page of ${name}.`));
  // Where the image cannot load (e.g. a host page authenticated by token), show nothing rather than a broken picture.
  img.addEventListener('error', () => figure.remove());
  return figure;
}
