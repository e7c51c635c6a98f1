package dev.longrun.runtime;

import dev.longrun.JobResult;
import dev.longrun.JobType;
import dev.longrun.LogLevel;
import dev.longrun.PermanentFailure;
import dev.longrun.RetryPolicy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Job types the runtime tests drive; each test class gets fresh ones so counters do not leak. */
final class TestTypes {

    record Echo(String text, int count) {
    }

    record Gate(String name) {
    }

    record Items(List<String> emails) {
    }

    /** Released per name by a test; a handler waits at most 20 s so a broken test cannot hang. */
    final Map<String, CountDownLatch> gates = new ConcurrentHashMap<>();
    final Map<String, CountDownLatch> entered = new ConcurrentHashMap<>();
    final AtomicInteger echoRuns = new AtomicInteger();
    final AtomicInteger flakyRuns = new AtomicInteger();
    final AtomicInteger cleanups = new AtomicInteger();
    /** The values of test.owned's text each user may start with (like uploads: each user has their own). */
    final Map<String, java.util.Set<String>> owned = new ConcurrentHashMap<>();

    CountDownLatch gate(String name) {
        return gates.computeIfAbsent(name, n -> new CountDownLatch(1));
    }

    CountDownLatch entered(String name) {
        return entered.computeIfAbsent(name, n -> new CountDownLatch(1));
    }

    List<JobType<?>> all() {
        return List.of(
                JobType.builder("test.echo", Echo.class, ctx -> {
                    echoRuns.incrementAndGet();
                    ctx.log(LogLevel.INFO, "Echoing " + ctx.params().text());
                    return JobResult.message(ctx.params().text());
                }).label("Echo").build(),
                JobType.builder("test.gate", Gate.class, ctx -> {
                    ctx.onCancel(cleanups::incrementAndGet);
                    var file = ctx.resultFile("partial.txt", "text/plain", out -> {
                        out.write("partial".getBytes());
                        return 1L;
                    });
                    entered(ctx.params().name()).countDown();
                    CountDownLatch gate = gate(ctx.params().name());
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                    while (!gate.await(20, TimeUnit.MILLISECONDS) && System.nanoTime() < deadline) {
                        ctx.throwIfCancelled();
                    }
                    return JobResult.file(file, "Released");
                }).label("Gate").timeout(Duration.ofMinutes(2)).build(),
                JobType.builder("test.flaky", Echo.class, ctx -> {
                    if (flakyRuns.incrementAndGet() < ctx.params().count()) {
                        throw new java.io.IOException("Connection reset by the mail server");
                    }
                    return JobResult.message("worked on attempt " + ctx.attempt());
                }).label("Flaky").retryPolicy(new RetryPolicy(3, Duration.ofSeconds(1), 4.0, 0.0)).build(),
                JobType.builder("test.permanent", Echo.class, ctx -> {
                    throw new PermanentFailure("bad_row", "Row 18: email is missing");
                }).label("Permanent").build(),
                JobType.builder("test.preview", Echo.class, ctx -> {
                    if (!ctx.confirmed()) {
                        return ctx.needsAction("import_preview", "3 rows ready, 1 problem", Map.of("ready", 3, "errors", 1));
                    }
                    ctx.progress(3, 3, "Imported 3 rows");
                    return JobResult.message("Imported 3 rows");
                }).label("Preview").build(),
                JobType.builder("test.items", Items.class, ctx -> {
                    for (String email : ctx.params().emails()) {
                        if (email.contains("@")) {
                            ctx.item(email).succeeded();
                        } else {
                            ctx.item(email).detail(Map.of("email", email)).failed("Invalid email address");
                        }
                    }
                    return JobResult.done();
                }).label("Invite").retryFailedParams((p, failed) -> new Items(failed.stream().map(i -> i.key()).toList())).build(),
                JobType.builder("test.owned", Echo.class, ctx -> JobResult.message(ctx.params().text())).label("Owned")
                        .paramsCheck((params, account, user) -> {
                            if (!owned.getOrDefault(user, java.util.Set.of()).contains(params.text())) {
                                throw dev.longrun.LongrunException.invalidParam("text", "No '" + params.text() + "' of yours.");
                            }
                        }).build(),
                JobType.builder("test.progress", Echo.class, ctx -> {
                    int n = ctx.params().count();
                    for (int i = 1; i <= n; i++) {
                        ctx.progress(i, n, "Processing row " + i + " of " + n);
                    }
                    return JobResult.done();
                }).label("Progress").build());
    }
}
