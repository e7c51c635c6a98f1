// The job states a client needs to know about without any wording: which ones never change again.
// Shared by the client, the live-status hub and the React bindings; the elements' wording lives elsewhere.

/** States a job never leaves: watching stops there and an Idempotency-Key is free again. */
export const TERMINAL_STATUSES = Object.freeze(['succeeded', 'failed', 'cancelled']);

const TERMINAL = new Set(TERMINAL_STATUSES);

/** @param {string|null|undefined} status @returns {boolean} */
export function isTerminal(status) {
  return TERMINAL.has(/** @type {string} */ (status));
}
