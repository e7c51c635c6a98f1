package dev.longrun.spring.sse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.longrun.Job;
import dev.longrun.JobStatus;
import dev.longrun.Longrun;
import dev.longrun.event.JobEvent;
import dev.longrun.spring.api.JobViews;
import dev.longrun.spring.sse.SlowSubscriberTest.RecordingSink;
import dev.longrun.spring.support.Api;
import dev.longrun.spring.support.ApiTestBase;
import dev.longrun.spring.support.OnSqlite;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A stream that wrote its job's final state is not ended while the dispatcher is still handing that state to other
 * streams: the ends would take the carriers the rest of the fan-out needs (in the fan-out bench the final state's
 * spread was up to 10 times an ordinary change's when the dispatcher waited for a core half-way through).
 */
@OnSqlite
class EndsAfterDispatchTest extends ApiTestBase {

    /** Each attempt's two streams are visited in the order of their hashes; an attempt that visits the held one first is run again. */
    private static final int ATTEMPTS = 30;

    @Autowired
    Longrun longrun;
    @Autowired
    JobViews views;

    @Test
    void aStreamThatWroteTheFinalStateIsNotEndedWhileTheDispatcherStillHandsItOut() {
        Api.Who who = newUser();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            String g = gate();
            String id = startId(who, "test.steps", "{\"gate\":\"" + g + "\",\"steps\":1}");
            Job job = longrun.get(UUID.fromString(id)).orElseThrow();
            AtomicBoolean firstOffered = new AtomicBoolean();
            AtomicBoolean secondVisitedFirst = new AtomicBoolean();
            CountDownLatch held = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            RecordingSink first = new RecordingSink();
            RecordingSink second = new RecordingSink();
            try (SseHub hub = new SseHub(longrun, views, tools.jackson.databind.json.JsonMapper.builder().build(), Duration.ofMinutes(1), 1000,
                    Duration.ofMinutes(10))) {
                hub.job(job, null, first, onFinal(() -> firstOffered.set(true)));
                hub.job(job, null, second, onFinal(() -> {
                    if (!firstOffered.get()) {
                        secondVisitedFirst.set(true);
                        return;
                    }
                    held.countDown(); // the dispatcher handed the final state to the first stream and waits here
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }));
                // Both streams sent the job as it was before it runs: from here only the succeeded event makes them read it.
                Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> first.frames > 0 && second.frames > 0);
                EventStreamContract.StartAndReadGates.openAll(g, 1);
                try {
                    Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> held.getCount() == 0 || secondVisitedFirst.get());
                } catch (org.awaitility.core.ConditionTimeoutException e) {
                    fail("Attempt " + attempt + ": the dispatcher did not hand out job " + id + "'s final state within 20 s; the job is "
                            + longrun.get(job.id()).map(j -> j.status() + " at version " + j.version()).orElse("gone")
                            + ", the streams are " + (first.completed ? "ended" : "open") + " and " + (second.completed ? "ended" : "open"), e);
                }
                if (held.getCount() != 0) {
                    Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> first.completed && second.completed);
                    continue;
                }
                Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> first.succeeded.contains(id));
                Awaitility.await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5)).until(() -> !first.completed);

                release.countDown();
                Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> first.completed && second.completed);
                assertThat(second.succeeded).as("the held stream got the final state too").contains(id);
                return;
            } finally {
                release.countDown();
            }
        }
        fail("The dispatcher never visited the first stream first in " + ATTEMPTS + " attempts");
    }

    /**
     * A filter that passes only the succeeded event and runs {@code onFinal} (on the dispatcher's thread) for it. A
     * stream re-reads its job on every change it is offered, so a stream offered an earlier change (running, progress)
     * could read the job already succeeded, send that and end before the succeeded event is dispatched: the dispatcher
     * would then never ask this filter about it.
     */
    private static Predicate<JobEvent> onFinal(Runnable onFinal) {
        return e -> {
            if (e.status() != JobStatus.SUCCEEDED) {
                return false;
            }
            onFinal.run();
            return true;
        };
    }
}
