// Every number a person reads on the status screens, formatted in one place: sizes, counts, durations,
// relative times, queue positions, percentages. Its Java twin (dev.longrun.format.HumanFormat) writes the
// toasts, the bell and the emails; both are tested against one table of cases
// (longrun-core/src/test/resources/format-cases.json), so "271 KB" on a card is "271 KB" in the email.
//
// Rules both twins follow:
// - sizes in decimal units (1 KB = 1,000 bytes, as file managers and the email show them), one decimal
//   below 100 (a trailing ".0" dropped), whole numbers from 100, rounded half up on the exact byte count;
// - counts with thousands separators (en-US) and a plural from the count;
// - durations in s, min, h, d, at most two units, rounded to the second;
// - a time in the past under 5 s, or in the future through clock skew, is "just now".

/** "1,234". Non-numbers read as "0" rather than "NaN". @param {number} n */
export function number(n) {
  const v = Number(n);
  return (Number.isFinite(v) ? Math.trunc(v) : 0).toLocaleString('en-US');
}

/** "1 row", "1,234 rows", "0 rows". @param {number} n @param {string} singular @param {string} [plural] */
export function count(n, singular, plural) {
  return `${number(n)} ${Number(n) === 1 ? singular : plural || `${singular}s`}`;
}

const SIZE_UNITS = ['KB', 'MB', 'GB', 'TB', 'PB'];

/** "512 bytes", "9.5 KB", "271 KB", "12.4 MB". @param {number} bytes */
export function bytes(bytes) {
  const b = Math.max(0, Math.round(Number(bytes) || 0));
  if (b < 1000) return count(b, 'byte');
  let unit = 1000;
  for (let i = 0; ; i++) {
    const tenths = Math.floor((b * 10 + unit / 2) / unit);
    if (tenths < 1000) return `${Math.floor(tenths / 10)}${tenths % 10 ? `.${tenths % 10}` : ''} ${SIZE_UNITS[i]}`;
    const whole = Math.floor((b + unit / 2) / unit);
    // "1,000 KB" reads as "1 MB": move up while the rounded figure reaches the next unit.
    if (whole < 1000 || i === SIZE_UNITS.length - 1) return `${number(whole)} ${SIZE_UNITS[i]}`;
    unit *= 1000;
  }
}

/** "0 s", "45 s", "2 min 5 s", "1 h 4 min", "2 d 3 h". Negative reads as zero. @param {number} seconds */
export function duration(seconds) {
  const s = Math.max(0, Math.round(Number(seconds) || 0));
  if (s < 60) return `${s} s`;
  if (s < 3600) return two(Math.floor(s / 60), 'min', s % 60, 's');
  if (s < 86400) return two(Math.floor(s / 3600), 'h', Math.floor((s % 3600) / 60), 'min');
  return two(Math.floor(s / 86400), 'd', Math.floor((s % 86400) / 3600), 'h');
}

/** @param {number} a @param {string} ua @param {number} b @param {string} ub */
function two(a, ua, b, ub) {
  return b ? `${number(a)} ${ua} ${b} ${ub}` : `${number(a)} ${ua}`;
}

/**
 * How long a job took over all its attempts: "26 s", "26 s over 2 attempts"; a job that ran, however briefly, took
 * "under 1 s", never "0 s".
 * @param {number} seconds @param {number} [attempts]
 */
export function took(seconds, attempts = 1) {
  const ran = !(Number(seconds) >= 1) ? 'under 1 s' : duration(seconds);
  return attempts > 1 ? `${ran} over ${count(attempts, 'attempt')}` : ran;
}

/** Seconds between an ISO time (or epoch ms) and now; positive in the past. @param {string|number} when @param {number} now */
function secondsSince(when, now) {
  const t = typeof when === 'number' ? when : Date.parse(when);
  return (now - t) / 1000;
}

/**
 * "just now", "12 s ago", "3 min ago", "2 h ago", "4 d ago". A time a little in the future (another
 * machine's clock) is "just now", never "-2 s ago". Empty for no time.
 * @param {string|number|null|undefined} when @param {number} [now]
 */
export function ago(when, now = Date.now()) {
  if (when == null || when === '') return '';
  const s = Math.floor(secondsSince(when, now));
  if (!(s >= 5)) return 'just now';
  if (s < 60) return `${s} s ago`;
  if (s < 3600) return `${Math.floor(s / 60)} min ago`;
  if (s < 86400) return `${Math.floor(s / 3600)} h ago`;
  return `${number(Math.floor(s / 86400))} d ago`;
}

/**
 * A time ahead: "in 12 s", "in 3 min"; "any moment now" when it is due or past.
 * @param {string|number|null|undefined} when @param {number} [now]
 */
export function until(when, now = Date.now()) {
  if (when == null || when === '') return '';
  const s = Math.ceil(-secondsSince(when, now));
  if (!(s >= 1)) return 'any moment now';
  return `in ${duration(s)}`;
}

/**
 * A place in line: "3 of 12" — never a position above the count it is of (the count then is the position), and
 * nothing for no position. Where the line is longer than was counted (`moreThan`, the API's `queue_more_than`), the
 * size is "more than 1,000" ("3 of more than 1,000") and a place past the count (no position) is "over 1,000".
 * @param {number|null|undefined} position @param {number|null|undefined} total @param {number|null} [moreThan]
 */
export function position(position, total, moreThan = null) {
  const counted = moreThan == null || !(moreThan >= 1) ? null : Math.floor(moreThan);
  const p = position == null || !(position >= 1) ? null : Math.floor(position);
  if (counted != null) return p == null || p > counted ? `over ${number(counted)}` : `${number(p)} of more than ${number(counted)}`;
  if (p == null) return '';
  const t = total == null ? p : Math.max(p, Math.floor(total));
  return `${number(p)} of ${number(t)}`;
}

/** "45%": floored, so 99.9 is never shown as a finished 100%; clamped to 0–100. @param {number} pct */
export function percent(pct) {
  return `${Math.min(100, Math.max(0, Math.floor(Number(pct) || 0)))}%`;
}

/** A clock time people read: "14:05" in the person's time zone. @param {string|null|undefined} iso */
export function clock(iso) {
  if (!iso) return '';
  return new Date(iso).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
}

/** "Link expires in 24 hours" / "in 35 minutes"; null when already expired. @param {string} iso @param {number} [now] */
export function expiresIn(iso, now = Date.now()) {
  const s = (Date.parse(iso) - now) / 1000;
  if (!(s > 0)) return null;
  if (s < 90) return 'Link expires in about a minute';
  if (s < 5400) return `Link expires in ${count(Math.round(s / 60), 'minute')}`;
  return `Link expires in ${count(Math.round(s / 3600), 'hour')}`;
}
