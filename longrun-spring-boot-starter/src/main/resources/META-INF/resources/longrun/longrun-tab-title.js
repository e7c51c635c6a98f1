// <longrun-tab-title job-id="…">: the browser tab says how the job is doing, so a person in another tab
// sees "(45%) Exporting contacts…" and then "✓ Export complete". Restores the page's title when removed.

import { jobTypes, watchJob } from './longrun-client.js';
import { rememberTypes, tabTitle } from './longrun-words.js';

export class LongrunTabTitle extends HTMLElement {
  static observedAttributes = ['job-id'];

  /** @param {string} [tag] @param {CustomElementRegistry} [registry] */
  static define(tag = 'longrun-tab-title', registry = customElements) {
    if (!registry.get(tag)) registry.define(tag, this);
    return this;
  }

  constructor() {
    super();
    /** @type {(() => void)|null} */
    this.unwatch = null;
    this.original = '';
  }

  connectedCallback() {
    this.hidden = true;
    this.original = document.title;
    this.follow();
  }

  disconnectedCallback() {
    this.unwatch?.();
    this.unwatch = null;
    document.title = this.original;
  }

  attributeChangedCallback() {
    if (this.isConnected) this.follow();
  }

  follow() {
    this.unwatch?.();
    const id = this.getAttribute('job-id');
    /** @type {any} */
    let last = null;
    this.unwatch = id ? watchJob(id, job => { last = job; document.title = tabTitle(job); }) : null;
    // The type's own words ("Exporting contacts") come with the job types; until then the label stands in.
    if (id) jobTypes().then(types => { rememberTypes(types); if (last && this.unwatch) document.title = tabTitle(last); });
    if (!id) document.title = this.original;
  }
}
