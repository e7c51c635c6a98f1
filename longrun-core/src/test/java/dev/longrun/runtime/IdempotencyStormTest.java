package dev.longrun.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.longrun.JobQuery;
import dev.longrun.JobResult;
import dev.longrun.JobType;
import dev.longrun.Longrun;
import dev.longrun.StartOptions;
import dev.longrun.StartResult;
import dev.longrun.testing.PostgresSchema;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The storm of issue 13: 200 requests with one Idempotency-Key, spread over three nodes on one PostgreSQL within about
 * two seconds, for a job that takes 20 ms, so it finishes long before the storm ends. Before keys outlived their job,
 * each request after a finish started another job; now every request gets the one job.
 */
class IdempotencyStormTest {

    @TempDir
    Path dataDir;

    @Test
    void twoHundredRequestsWithOneKeyOverThreeNodesMakeExactlyOneJob() throws Exception {
        JobType<Map> quick = JobType.builder("storm.quick", Map.class, ctx -> {
            Thread.sleep(20);
            return JobResult.done();
        }).build();
        try (PostgresSchema schema = PostgresSchema.create(IdempotencyStormTest.class, 24);
             Longrun a = node(schema, "storm-a", quick);
             Longrun b = node(schema, "storm-b", quick);
             Longrun c = node(schema, "storm-c", quick)) {
            List<Longrun> nodes = List.of(a, b, c);
            String key = "storm-" + UUID.randomUUID();
            StartOptions options = StartOptions.forUser("acme", "storm").idempotencyKey(key);
            List<Future<StartResult>> answers = new ArrayList<>();
            try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = 0; i < 200; i++) {
                    Longrun node = nodes.get(i % 3);
                    long delayMs = i * 10L; // 200 requests over 2 s
                    answers.add(pool.submit(() -> {
                        Thread.sleep(delayMs);
                        return node.start("storm.quick", Map.of("n", 1), options);
                    }));
                }
            }
            List<StartResult> results = new ArrayList<>();
            for (Future<StartResult> f : answers) {
                results.add(f.get());
            }

            assertThat(results).filteredOn(StartResult::created).hasSize(1);
            assertThat(results.stream().map(r -> r.job().id()).distinct()).hasSize(1);
            assertThat(results).as("the job finished during the storm, and later requests still got it")
                    .anyMatch(r -> r.job().isTerminal());
            assertThat(a.list(JobQuery.forUser("acme", "storm")).jobs()).hasSize(1);
        }
    }

    private Longrun node(PostgresSchema schema, String name, JobType<Map> type) {
        return Longrun.builder().dataSource(schema.dataSource()).schema(schema.name()).dataDir(dataDir.resolve(name))
                .nodeName(name).pollInterval(Duration.ofMillis(100)).register(type).build();
    }
}
