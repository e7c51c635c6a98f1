// The dashboard's page frame: who is signed in (else off to sign-in), the header with navigation and the
// notification bell, toasts on every page, and the start flow every "start a job" page shares.

import { LongrunError, hub, request, startJob } from '/longrun/longrun-client.js';
import '/longrun/longrun.js';
import { registerFixView } from '/longrun/longrun-elements.js';
import { ago } from '/longrun/longrun-format.js';
import './invite-fix.js';

// Invitations that failed for want of an address are fixed where they are shown, then sent again.
registerFixView('contacts.invite', 'invite-fix');

/** @typedef {import('/longrun/longrun-client.js').Job} Job */

/** Where a job's own page is: the elements link there (they show no link without it). */
const JOB_PAGE = 'job.html?id={id}';
/** Tells sign-in.html, in this tab only, that the person has just signed out. */
const SIGNED_OUT = 'longrun:signed-out';

const NAV = [
  ['index.html', 'Jobs'],
  ['import.html', 'Import'],
  ['export.html', 'Export'],
  ['invite.html', 'Invite'],
  ['report.html', 'Report'],
  ['dedupe.html', 'Duplicates'],
  ['wait.html', 'Demo'],
  ['settings.html', 'Notifications'],
];

/**
 * Signs the page in or sends the person to sign-in; then draws the header for `current`.
 * @param {string} current file name of this page
 * @returns {Promise<{user_id: string, display_name: string, account_id: string}>}
 */
export async function frame(current) {
  let me;
  try {
    me = (await request('GET', '/api/session')).data;
  } catch (e) {
    if (e instanceof LongrunError && e.status === 401) {
      location.replace(`sign-in.html?next=${encodeURIComponent(location.pathname.replace(/^\//, '') + location.search)}`);
      return new Promise(() => {});
    }
    throw e;
  }
  window.addEventListener('longrun:signed-out', () => location.replace('sign-in.html?expired=1'));
  const header = document.querySelector('header.app-header');
  if (header) {
    header.innerHTML = '';
    const nav = el('nav', { class: 'app-nav', 'aria-label': 'Main' });
    for (const [href, label] of NAV) {
      const a = el('a', { href }, label);
      if (href === current) a.setAttribute('aria-current', 'page');
      nav.append(a);
    }
    const out = el('button', { type: 'button', class: 'lr-button lr-small' }, 'Sign out');
    out.addEventListener('click', async () => {
      // Nothing may ask with the session once it is gone (each refusal would say "signed out" and send the page
      // elsewhere): the stream, the watchers' polling, and the bell, toasts and lists, which stay quiet while the hub
      // is stopped. The page then forgets this user's jobs.
      hub.stop();
      const gone = await request('DELETE', '/api/session').then(() => true, e => e instanceof LongrunError && e.status === 401);
      // Told to this tab's next page only, and only when it is true: the sign-in page says "You are signed out." once.
      try { if (gone) sessionStorage.setItem(SIGNED_OUT, '1'); } catch { /* storage refused: the page just does not say it */ }
      location.replace('sign-in.html');
    });
    header.append(
      el('a', { class: 'app-brand', href: 'index.html' }, 'Longrun'),
      nav,
      el('div', { class: 'app-user' }, el('longrun-bell', { 'detail-href': JOB_PAGE }), el('span', { class: 'app-name' }, me.display_name || me.user_id), out));
  }
  document.body.append(el('longrun-toasts', { 'detail-href': JOB_PAGE }));
  return me;
}

/**
 * `el('a', {href}, 'text')` for the page frame.
 * @param {string} tag @param {Record<string,string>} attrs @param {...(Node|string)} children
 */
export function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  e.append(...children);
  return e;
}

/**
 * The start flow of every job page: one click starts one job (a double click, a second Enter or a refresh
 * shows the same job), the button turns into "View status", the job's live panel appears under the form,
 * and the tab title follows it. When the job has finished, "Start another" offers a new one.
 * @param {{form: HTMLFormElement, type: string, startLabel: string|(() => string), params: () => Promise<object|null>|object|null,
 *   dependsOn?: () => string|null, startedText: string, mendParams?: (err: any) => boolean}} o
 *   `mendParams`: given a refused start, true when it has put right what `params` gives (they are then asked for and
 *   started once more), false to show the refusal.
 */
export function startFlow(o) {
  const { form } = o;
  const button = /** @type {HTMLButtonElement} */ (form.querySelector('button[type=submit]'));
  const area = /** @type {HTMLElement} */ (document.querySelector('#job-area'));
  const note = /** @type {HTMLElement} */ (document.querySelector('#form-note'));
  const view = el('a', { class: 'lr-button lr-primary', hidden: '' }, 'View status');
  // "View status" appears where the start button was: the second click of a double click on Start must not
  // land on it and leave the page the person is on.
  let viewShownAt = -Infinity;
  view.addEventListener('click', e => { if (performance.now() - viewShownAt < 600) e.preventDefault(); });
  const another = el('button', { type: 'button', class: 'lr-button', hidden: '' }, 'Start another');
  button.after(view, another);
  let busy = false;
  const startLabel = () => (typeof o.startLabel === 'function' ? o.startLabel() : o.startLabel);

  /** @param {string} id */
  const showJob = id => {
    button.hidden = true;
    view.hidden = false;
    view.classList.add('lr-primary');
    viewShownAt = performance.now();
    view.setAttribute('href', `job.html?id=${encodeURIComponent(id)}`);
    let job = area.querySelector('longrun-job');
    if (!job) {
      job = document.createElement('longrun-job');
      job.setAttribute('mode', 'expanded');
      job.setAttribute('detail-href', JOB_PAGE);
      area.replaceChildren(job);
    }
    job.removeAttribute('starting');
    job.setAttribute('job-id', id);
    let title = document.querySelector('longrun-tab-title');
    if (!title) { title = document.createElement('longrun-tab-title'); document.body.append(title); }
    title.setAttribute('job-id', id);
    const url = new URL(location.href);
    url.searchParams.set('job', id);
    history.replaceState(null, '', url);
  };

  // Once the job has finished, its outcome (a download, Retry) is the main way on, not "View status".
  area.addEventListener('longrun-finished', () => { another.hidden = false; note.textContent = ''; view.classList.remove('lr-primary'); });
  area.addEventListener('longrun-retried', e => showJob(/** @type {CustomEvent} */ (e).detail.job.id));
  area.addEventListener('longrun-start-over', e => { e.preventDefault(); reset(); form.querySelector('input, select, textarea')?.focus(); });
  another.addEventListener('click', () => { reset(); button.focus(); });

  const reset = () => {
    area.replaceChildren();
    document.querySelector('longrun-tab-title')?.remove();
    button.hidden = false;
    button.disabled = false;
    button.textContent = startLabel();
    view.hidden = true;
    another.hidden = true;
    const url = new URL(location.href);
    url.searchParams.delete('job');
    history.replaceState(null, '', url);
  };

  form.addEventListener('submit', async e => {
    e.preventDefault();
    // A second Enter or click while the first is on its way, or once the job is shown: never a second job.
    if (busy || !view.hidden) { if (!view.hidden) view.focus(); return; }
    busy = true;
    note.textContent = '';
    note.classList.remove('is-error');
    button.disabled = true;
    button.textContent = 'Starting…';
    const starting = document.createElement('longrun-job');
    starting.setAttribute('mode', 'expanded');
    starting.setAttribute('detail-href', JOB_PAGE);
    starting.setAttribute('starting', '');
    area.replaceChildren(starting);
    try {
      const start = async () => {
        const params = await o.params();
        return params === null ? null : startJob(o.type, params, { dependsOn: o.dependsOn?.() || null });
      };
      // Params refused for a reason the page can mend (a remembered upload the server no longer has): once more.
      const started = await start().catch(err => (o.mendParams?.(err) ? start() : Promise.reject(err)));
      if (started === null) { reset(); return; }
      const { job, created } = started;
      showJob(job.id);
      // A 200 answer is a job started earlier with the same inputs (another tab, a refresh): say so, or the
      // person believes a second one is running.
      note.textContent = created ? o.startedText : `You already started this ${ago(job.created_at)} — here it is.`;
    } catch (err) {
      reset();
      note.textContent = err instanceof Error ? err.message : String(err);
      note.classList.add('is-error');
    } finally {
      busy = false;
    }
  });

  const existing = new URL(location.href).searchParams.get('job');
  if (existing) showJob(existing);
  button.textContent = startLabel();
  // The button is disabled in the HTML until here: an Enter pressed before the page is wired must not
  // submit the form natively (a reload that silently drops the click).
  button.disabled = false;
  return { reset, showJob };
}

/** The params of the job a "Start over" came from (`?from=<id>`), to fill the form again; null if none. */
export async function paramsFrom() {
  const from = new URL(location.href).searchParams.get('from');
  if (!from) return null;
  try {
    return (await request('GET', `/api/jobs/${encodeURIComponent(from)}`)).data?.params || null;
  } catch {
    return null;
  }
}
