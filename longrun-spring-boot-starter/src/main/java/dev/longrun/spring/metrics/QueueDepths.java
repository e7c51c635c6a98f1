package dev.longrun.spring.metrics;

import dev.longrun.JobType;
import dev.longrun.Longrun;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Runnable pending jobs per queue for the queue-depth gauge, all counted ({@link Longrun#queueDepth}: a job's own
 * standing stops counting at 1,000), cached for a few seconds so a scrape costs at most one count per queue.
 */
final class QueueDepths {

    private final Longrun longrun;
    private final Duration maxAge;
    private final Map<String, long[]> cache = new ConcurrentHashMap<>();

    QueueDepths(Longrun longrun, Duration maxAge) {
        this.longrun = longrun;
        this.maxAge = maxAge;
    }

    Set<String> queues() {
        return longrun.jobTypes().stream().map(JobType::queue).collect(Collectors.toCollection(TreeSet::new));
    }

    double depth(String queue) {
        long now = System.nanoTime();
        long[] entry = cache.get(queue);
        if (entry != null && now - entry[1] < maxAge.toNanos()) {
            return entry[0];
        }
        long value = read(queue);
        cache.put(queue, new long[] {value, now});
        return value;
    }

    private long read(String queue) {
        return longrun.queueDepth(queue);
    }
}
