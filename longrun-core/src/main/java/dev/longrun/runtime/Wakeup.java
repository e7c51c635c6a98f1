package dev.longrun.runtime;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/** A level-triggered signal: any number of {@link #signal()} calls wake one waiter once. */
final class Wakeup {

    private final Semaphore permits = new Semaphore(0);

    void signal() {
        if (permits.availablePermits() == 0) {
            permits.release();
        }
    }

    /** Waits until signalled or the timeout passes; returns true when signalled. */
    boolean await(Duration timeout) throws InterruptedException {
        boolean signalled = permits.tryAcquire(timeout.toNanos(), TimeUnit.NANOSECONDS);
        permits.drainPermits();
        return signalled;
    }
}
