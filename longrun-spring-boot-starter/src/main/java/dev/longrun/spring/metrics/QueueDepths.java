package dev.longrun.spring.metrics;

import dev.longrun.Insight;
import dev.longrun.Job;
import dev.longrun.JobQuery;
import dev.longrun.JobStatus;
import dev.longrun.JobType;
import dev.longrun.Longrun;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Pending jobs per queue for the queue-depth gauge: the queue size the engine reports for the oldest pending job of
 * the queue's types, cached for a few seconds so a scrape costs at most two reads per queue.
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
        Set<String> types = longrun.jobTypes().stream().filter(t -> t.queue().equals(queue)).map(JobType::name).collect(Collectors.toSet());
        var page = longrun.list(new JobQuery(null, null, Set.of(JobStatus.PENDING), types, Set.of(), null, 1));
        if (page.jobs().isEmpty()) {
            return 0;
        }
        Job job = page.jobs().get(0);
        Insight insight = longrun.insight(job);
        return insight != null && insight.queueSize() != null ? insight.queueSize() : 1;
    }
}
