package dev.longrun.spring.sse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.longrun.Longrun;
import dev.longrun.spring.api.JobViews;
import dev.longrun.spring.support.Api;
import dev.longrun.spring.support.ApiTestBase;
import dev.longrun.spring.support.OnSqlite;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/** One read and render per change of a job, however many streams want it, and no read waits for another's. */
@OnSqlite
class ViewCacheTest extends ApiTestBase {

    @Autowired
    Longrun longrun;
    @Autowired
    JobViews views;

    /** A finished job: one still running moves on while the streams read it (CI saw version 4 where 3 was asked). */
    private UUID id;
    private long version;
    /** The engine under the cache, whose reads of the job can be held. */
    private GatedStore store;
    private ViewCache cache;

    @BeforeEach
    void aFinishedJobAndACacheOverGatedReads() {
        Api.Who who = newUser();
        id = UUID.fromString(startId(who, "test.steps", "{\"steps\":1}"));
        awaitStatus(who, id.toString(), "succeeded");
        version = longrun.get(id).orElseThrow().version();
        store = new GatedStore(longrun);
        cache = new ViewCache(store.longrun, views, JsonMapper.builder().build());
    }

    @Test
    void streamsThatWantAChangeWhileItIsReadGetThatOneRead() throws Exception {
        store.holdReads();
        List<CompletableFuture<ViewCache.Rendered>> streams = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            streams.add(CompletableFuture.supplyAsync(() -> cache.atLeast(id, version), r -> Thread.ofVirtual().start(r)));
        }
        assertThat(store.reading.await(10, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(200); // the other streams find the read under way
        store.releaseReads();

        ViewCache.Rendered first = streams.getFirst().get(10, TimeUnit.SECONDS);
        for (CompletableFuture<ViewCache.Rendered> stream : streams) {
            assertThat(stream.get(10, TimeUnit.SECONDS)).isSameAs(first);
        }
        assertThat(first.version()).isEqualTo(version);
        assertThat(store.reads.get()).as("store reads for one change to 200 streams").isEqualTo(1);
    }

    @Test
    void aStreamOpeningOnAJobHoldsUpNoFrameOfItsChanges() throws Exception {
        // A stream's first read used to hold the job's lock: a slow read for a client connecting stalled the frames
        // of every subscriber of that job.
        store.holdNextRead();
        CompletableFuture<?> opening = CompletableFuture.runAsync(() -> cache.current(id), r -> Thread.ofVirtual().start(r));
        assertThat(store.reading.await(10, TimeUnit.SECONDS)).isTrue();
        try {
            CompletableFuture<ViewCache.Rendered> change = CompletableFuture.supplyAsync(() -> cache.atLeast(id, version), r -> Thread.ofVirtual().start(r));
            assertThat(change.get(10, TimeUnit.SECONDS).version()).isEqualTo(version);
        } finally {
            store.releaseReads();
        }
        opening.get(10, TimeUnit.SECONDS);
    }

    /** The engine, whose job reads can be held until released. */
    private static final class GatedStore {
        final AtomicInteger reads = new AtomicInteger();
        final CountDownLatch reading = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);
        private volatile boolean holdAll;
        private final AtomicInteger holdNext = new AtomicInteger();
        final Longrun longrun;

        GatedStore(Longrun real) {
            longrun = (Longrun) Proxy.newProxyInstance(Longrun.class.getClassLoader(), new Class<?>[] {Longrun.class}, (proxy, method, args) -> {
                if (method.getName().equals("get") && args != null && args.length == 1 && args[0] instanceof UUID) {
                    reads.incrementAndGet();
                    if (holdAll || holdNext.getAndSet(0) == 1) {
                        reading.countDown();
                        released.await();
                    }
                }
                try {
                    return method.invoke(real, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            });
        }

        void holdReads() {
            holdAll = true;
        }

        void holdNextRead() {
            holdNext.set(1);
        }

        void releaseReads() {
            holdAll = false;
            released.countDown();
        }
    }
}
