package dev.longrun.store;

import dev.longrun.Job;

/** The inserted job ({@code created}), or the active job that already holds the key and its fingerprint. */
public record InsertOutcome(Job job, boolean created, String requestFingerprint) {
}
