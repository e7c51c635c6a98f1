package dev.longrun.store;

import java.time.Instant;
import java.util.UUID;

/** Builds {@link NewJob}s for the store tests: sensible defaults, change only what a test is about. */
final class JobSpec {

    static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    UUID id = UUID.randomUUID();
    String account = "acme";
    String user = "ann";
    String type = "demo.wait";
    String queue = "default";
    int priority;
    String params = "{\"seconds\":1}";
    String key;
    String fingerprint = "fp-1";
    int maxAttempts = 3;
    UUID dependsOn;
    UUID waitingFor;
    Instant createdAt = T0;
    Instant runAfter;
    Instant keyExpiresAt;

    static JobSpec job() {
        return new JobSpec();
    }

    JobSpec user(String u) { this.user = u; return this; }
    JobSpec account(String a) { this.account = a; return this; }
    JobSpec type(String t) { this.type = t; return this; }
    JobSpec queue(String q) { this.queue = q; return this; }
    JobSpec priority(int p) { this.priority = p; return this; }
    JobSpec key(String k) { this.key = k; return this; }
    /** A client's Idempotency-Key, remembered until {@code expiresAt} whatever happens to the job. */
    JobSpec clientKey(String k, Instant expiresAt) { this.key = k; this.keyExpiresAt = expiresAt; return this; }
    JobSpec fingerprint(String f) { this.fingerprint = f; return this; }
    JobSpec maxAttempts(int m) { this.maxAttempts = m; return this; }
    JobSpec waitingFor(UUID w) { this.dependsOn = w; this.waitingFor = w; return this; }
    JobSpec createdAt(Instant t) { this.createdAt = t; return this; }
    JobSpec runAfter(Instant t) { this.runAfter = t; return this; }
    JobSpec id(UUID i) { this.id = i; return this; }

    NewJob build() {
        return new NewJob(id, account, user, type, queue, priority, params, key, fingerprint, maxAttempts, 600L, true,
                dependsOn, waitingFor, null, runAfter == null ? createdAt : runAfter, createdAt, 30L, keyExpiresAt);
    }
}
