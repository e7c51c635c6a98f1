package dev.longrun.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.longrun.JobQuery;
import dev.longrun.JobStatus;
import dev.longrun.Longrun;
import dev.longrun.LongrunBuilder;
import dev.longrun.LongrunException;
import dev.longrun.StartOptions;
import dev.longrun.StartRequest;
import dev.longrun.StartResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code startAll} and grouped single starts, on every store (see the subclasses): a batch starts every job once,
 * honours each job's idempotency key like {@code start}, and writes nothing when one request is refused. An API-only
 * node, so every started job stays pending where the test can count it.
 */
abstract class StartAllContract {

    final String account = "acme-" + UUID.randomUUID().toString().substring(0, 8);
    final StartOptions alice = StartOptions.forUser(account, "alice");

    @TempDir
    Path dataDir;

    TestTypes types;
    Longrun longrun;

    abstract LongrunBuilder store(LongrunBuilder builder);

    @BeforeEach
    void startNode() {
        types = new TestTypes();
        LongrunBuilder b = Longrun.builder().dataDir(dataDir).runWorkers(false);
        types.all().forEach(b::register);
        longrun = store(b).build();
    }

    @AfterEach
    void stopNode() {
        longrun.cancelAll(account, "alice");
        longrun.close();
    }

    private StartRequest echo(String text, String key) {
        return new StartRequest("test.echo", new TestTypes.Echo(text, 1), key == null ? alice : alice.idempotencyKey(key));
    }

    private long pendingOfAlice() {
        return longrun.list(JobQuery.forUser(account, "alice").withLimit(JobQuery.MAX_LIMIT)).jobs().stream()
                .filter(j -> j.status() == JobStatus.PENDING).count();
    }

    @Test
    void aBatchStartsEveryJobInRequestOrder() {
        List<StartRequest> requests = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            requests.add(echo("job " + i, "k-" + i));
        }

        List<StartResult> results = longrun.startAll(requests);

        assertThat(results).hasSize(150).allMatch(StartResult::created);
        assertThat(results.get(7).job().params().get("text").asString()).isEqualTo("job 7");
        assertThat(results.stream().map(r -> r.job().id()).distinct()).hasSize(150);
        assertThat(pendingOfAlice()).isEqualTo(150);
    }

    @Test
    void aKeyAlreadyHeldReturnsItsJobAndARepeatInsideTheBatchReturnsTheFirst() {
        StartResult earlier = longrun.start("test.echo", new TestTypes.Echo("a", 1), alice.idempotencyKey("held"));

        List<StartResult> results = longrun.startAll(List.of(echo("a", "held"), echo("b", "fresh"), echo("b", "fresh")));

        assertThat(results.get(0).created()).isFalse();
        assertThat(results.get(0).job().id()).isEqualTo(earlier.job().id());
        assertThat(results.get(1).created()).isTrue();
        assertThat(results.get(2).created()).isFalse();
        assertThat(results.get(2).job().id()).isEqualTo(results.get(1).job().id());
        assertThat(pendingOfAlice()).isEqualTo(2);
    }

    @Test
    void aKeyReusedWithOtherParamsRefusesTheWholeBatch() {
        longrun.start("test.echo", new TestTypes.Echo("a", 1), alice.idempotencyKey("held"));

        assertThatThrownBy(() -> longrun.startAll(List.of(echo("x", "new-1"), echo("other params", "held"))))
                .isInstanceOf(LongrunException.class).extracting(e -> ((LongrunException) e).code())
                .isEqualTo("idempotency_key_reused");
        assertThat(pendingOfAlice()).isEqualTo(1);
    }

    @Test
    void aKeyRepeatedInsideTheBatchWithOtherParamsRefusesTheWholeBatch() {
        assertThatThrownBy(() -> longrun.startAll(List.of(echo("x", "twice"), echo("y", "once"), echo("other params", "twice"))))
                .isInstanceOf(LongrunException.class).extracting(e -> ((LongrunException) e).code())
                .isEqualTo("idempotency_key_reused");
        assertThat(pendingOfAlice()).isZero();
        assertThat(longrun.start("test.echo", new TestTypes.Echo("other params", 1), alice.idempotencyKey("twice")).created())
                .as("the refused batch left its keys free").isTrue();
    }

    @Test
    void anInvalidRequestIsRefusedBeforeAnythingIsWritten() {
        assertThatThrownBy(() -> longrun.startAll(List.of(echo("fine", null), new StartRequest("no.such.type", null, alice))))
                .isInstanceOf(LongrunException.class).extracting(e -> ((LongrunException) e).code()).isEqualTo("unknown_type");
        assertThat(pendingOfAlice()).isZero();
    }

    @Test
    void concurrentSingleStartsEachGetTheirOwnAnswer() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<StartResult>> fresh = new ArrayList<>();
            List<Future<StartResult>> repeats = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String key = "single-" + (i % 100); // every key twice: one start creates, the other returns that job
                int n = i % 100;
                (i < 100 ? fresh : repeats).add(pool.submit(() -> longrun.start("test.echo", new TestTypes.Echo("n" + n, 1), alice.idempotencyKey(key))));
            }
            List<UUID> ids = new ArrayList<>();
            int created = 0;
            for (Future<StartResult> f : fresh) {
                StartResult r = f.get(60, TimeUnit.SECONDS);
                created += r.created() ? 1 : 0;
                ids.add(r.job().id());
            }
            for (int i = 0; i < repeats.size(); i++) {
                StartResult r = repeats.get(i).get(60, TimeUnit.SECONDS);
                created += r.created() ? 1 : 0;
                assertThat(r.job().id()).isEqualTo(ids.get(i));
            }
            assertThat(created).isEqualTo(100);
            assertThat(pendingOfAlice()).isEqualTo(100);
        } finally {
            pool.shutdownNow();
        }
    }
}
