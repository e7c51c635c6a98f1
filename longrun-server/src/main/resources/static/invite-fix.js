// <invite-fix>: the invitations that failed for good (no email address, or one the mail server refuses), each
// contact with a field for its address. "Save and retry" stores the addresses (PATCH /api/contacts/{id}) and asks
// the job element to send those invitations again (`longrun-retry-fixed`). Registered for contacts.invite in app.js:
// the job element shows it inside a partly done or failed invitation job (see registerFixView in COMPONENTS.md).

import { LongrunError, request } from '/longrun/longrun-client.js';
import { count } from '/longrun/longrun-format.js';

/** Contacts fixed here at once; beyond these the CSV lists them. */
const SHOWN = 20;

export class InviteFix extends HTMLElement {
  /** @type {any[]} */
  #items = [];

  /** The job's items that failed for good, each with detail {contact_id, name, email}. @param {any[]} items */
  set items(items) {
    this.#items = items.filter(i => i.detail?.contact_id != null);
    this.render();
  }

  /** The job element passes its job too; the items say all this view needs. */
  set job(_job) {}

  render() {
    const shown = this.#items.slice(0, SHOWN);
    const form = document.createElement('form');
    form.className = 'invite-fix';
    form.noValidate = true;
    const list = document.createElement('ul');
    list.className = 'invite-fix-list';
    for (const item of shown) {
      const li = document.createElement('li');
      const id = `fix-${item.detail.contact_id}`;
      const label = document.createElement('label');
      label.htmlFor = id;
      label.textContent = `Email for ${item.detail.name || `contact ${item.detail.contact_id}`}`;
      const input = document.createElement('input');
      Object.assign(input, { type: 'email', id, name: String(item.detail.contact_id), value: item.detail.email || '', autocomplete: 'off' });
      input.placeholder = 'name@example.com';
      const error = document.createElement('p');
      error.className = 'invite-fix-error';
      error.setAttribute('role', 'alert');
      li.append(label, input, error);
      list.append(li);
    }
    const more = this.#items.length > SHOWN
      ? Object.assign(document.createElement('p'), { className: 'lr-hint', textContent: `The other ${count(this.#items.length - SHOWN, 'contact')} are in the CSV.` })
      : null;
    const save = document.createElement('button');
    save.type = 'submit';
    save.className = 'lr-button lr-primary';
    save.textContent = 'Save the addresses and retry';
    const hint = Object.assign(document.createElement('p'), { className: 'lr-hint',
      textContent: 'Only the failed invitations are sent again; any still without an address fail again.' });
    form.append(list, ...(more ? [more] : []), save, hint);
    form.addEventListener('submit', e => { e.preventDefault(); this.saveAndRetry(form, save); });
    this.replaceChildren(form);
  }

  /** @param {HTMLFormElement} form @param {HTMLButtonElement} save */
  async saveAndRetry(form, save) {
    const fields = [...form.querySelectorAll('input')].filter(i => i.value.trim());
    if (!fields.length) {
      const first = form.querySelector('input');
      this.say(first, 'Enter at least one address to send to.');
      first?.focus();
      return;
    }
    save.disabled = true;
    save.textContent = 'Saving…';
    let ok = true;
    for (const input of fields) {
      try {
        await request('PATCH', `/api/contacts/${encodeURIComponent(input.name)}`, { body: { email: input.value.trim() } });
        this.say(input, '');
      } catch (e) {
        ok = false;
        this.say(input, e instanceof LongrunError ? e.message : 'This address could not be saved. Try again.');
      }
    }
    if (!ok) {
      save.disabled = false;
      save.textContent = 'Save the addresses and retry';
      form.querySelector('[aria-invalid="true"]')?.focus();
      return;
    }
    save.textContent = 'Sending again…';
    this.dispatchEvent(new CustomEvent('longrun-retry-fixed', { bubbles: true, composed: true }));
  }

  /** @param {HTMLInputElement|null} input @param {string} message */
  say(input, message) {
    if (!input) return;
    input.setAttribute('aria-invalid', String(!!message));
    const error = /** @type {HTMLElement} */ (input.nextElementSibling);
    error.textContent = message;
  }
}

if (!customElements.get('invite-fix')) customElements.define('invite-fix', InviteFix);
