package dev.longrun.spring.testapp;

import dev.longrun.JobContext;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Named latches tests open to move a test job on, one step at a time, instead of sleeping. */
public final class Gates {

    private static final Map<String, CountDownLatch> GATES = new ConcurrentHashMap<>();

    private Gates() {
    }

    public static void open(String name) {
        latch(name).countDown();
    }

    /** Waits until the gate opens, stopping early (as a cancelled job) when the user cancels. Gives up after 60 s. */
    static void await(String name, JobContext<?> ctx) throws InterruptedException {
        CountDownLatch latch = latch(name);
        for (int i = 0; i < 3000; i++) {
            if (latch.await(20, TimeUnit.MILLISECONDS)) {
                return;
            }
            ctx.throwIfCancelled();
        }
        throw new IllegalStateException("gate " + name + " never opened");
    }

    private static CountDownLatch latch(String name) {
        return GATES.computeIfAbsent(name, n -> new CountDownLatch(1));
    }
}
