// An EventSource the test drives by hand (open, error, events), so the hub can be put in exactly the state a test
// needs without a server. Every instance made is in `opened`, newest last.

export class StandInEventSource extends EventTarget {
  static CLOSED = 2;
  /** @type {StandInEventSource[]} */
  static opened = [];
  /** @param {string} [url] */
  constructor(url) {
    super();
    this.url = url;
    this.readyState = 1;
    /** @type {(() => void)|null} */
    this.onopen = null;
    /** @type {(() => void)|null} */
    this.onerror = null;
    StandInEventSource.opened.push(this);
  }
  close() { this.readyState = StandInEventSource.CLOSED; }
  /** @param {string} name @param {string} data */
  emit(name, data) { this.dispatchEvent(Object.assign(new Event(name), { data })); }
}
