package dev.longrun.notify;

import dev.longrun.JobCancelledException;
import dev.longrun.JobResult;
import dev.longrun.JobType;
import dev.longrun.PermanentFailure;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Job types for the notification tests: each ends in the outcome its name says; "n.gated" waits for {@link #release}. */
final class NotifyJobs {

    final CountDownLatch gate = new CountDownLatch(1);

    List<JobType<?>> all() {
        return List.of(
                JobType.builder("n.quick", Map.class, ctx -> JobResult.message("Imported 12 contacts")).label("Import contacts").build(),
                JobType.builder("n.gated", Map.class, ctx -> {
                    for (int i = 0; !gate.await(20, TimeUnit.MILLISECONDS); i++) {
                        ctx.throwIfCancelled();
                        if (i > 1000) {
                            throw new PermanentFailure("the test never opened the gate");
                        }
                    }
                    return JobResult.message("Exported 48,291 contacts");
                }).label("Export contacts").build(),
                JobType.builder("n.fail", Map.class, ctx -> {
                    throw new PermanentFailure("Row 18: email is missing");
                }).label("Import contacts").build(),
                JobType.builder("n.ask", Map.class, ctx -> ctx.confirmed() ? JobResult.done()
                        : ctx.needsAction("import_preview", "842 rows parsed · 3 issues found. Import the 839 valid rows?", Map.of()))
                        .label("Import contacts").build(),
                JobType.builder("n.selfcancel", Map.class, ctx -> {
                    throw new JobCancelledException();
                }).label("Sync calendar").build());
    }

    void release() {
        gate.countDown();
    }
}
