/**
 * Numbers as people read them ({@link dev.longrun.format.HumanFormat}): the one set of rules behind every size,
 * count, duration and position in notification texts and handlers' messages, twinned by the browser's
 * {@code longrun-format.js} and tested against the same table of cases.
 */
package dev.longrun.format;
