package dev.longrun.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.longrun.Job;
import dev.longrun.JobStatus;
import dev.longrun.testing.PostgresSchema;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Claims and finishes run as one auto-commit statement on PostgreSQL. An application may hand Longrun a pool whose
 * connections start without auto-commit; there a statement alone would be rolled back when the pool takes the
 * connection back, and the claim or finish would be lost. This store's writes must still commit; so must a grouped
 * start, which claims its keys and inserts its jobs in one auto-commit statement.
 */
class PostgresNoAutoCommitPoolTest {

    static PostgresSchema pg;
    static HikariDataSource noAutoCommit;
    static JobStore store;

    @BeforeAll
    static void open() {
        pg = PostgresSchema.create(PostgresNoAutoCommitPoolTest.class);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(pg.jdbcUrl());
        config.setUsername(PostgresSchema.USER);
        config.setMaximumPoolSize(3);
        config.setAutoCommit(false);
        noAutoCommit = new HikariDataSource(config);
        store = JobStores.create(noAutoCommit, pg.name());
        store.migrate();
    }

    @AfterAll
    static void close() {
        noAutoCommit.close();
        pg.close();
    }

    @Test
    void claimHeartbeatAndFinishAreCommitted() {
        Job job = store.insert(JobSpec.job().queue("no-auto-commit-claims").build()).job();
        Instant t0 = JobSpec.T0;

        List<Job> claimed = store.claim(new ClaimRequest(Set.of(job.queue()), 1, "node-a", t0, t0.plusSeconds(30)));
        assertThat(claimed).extracting(Job::id).containsExactly(job.id());
        assertThat(store.find(job.id()).orElseThrow().status()).isEqualTo(JobStatus.RUNNING);

        store.heartbeat("node-a", List.of(job.id()), t0.plusSeconds(10), t0.plusSeconds(40));
        assertThat(store.find(job.id()).orElseThrow().leaseExpiresAt()).isEqualTo(t0.plusSeconds(40));

        store.finish(List.of(Finish.succeeded(job.id(), "node-a", null, null, t0.plusSeconds(20))));
        assertThat(store.find(job.id()).orElseThrow().status()).isEqualTo(JobStatus.SUCCEEDED);
    }

    @Test
    void aGroupedStartIsCommitted() {
        NewJob keyed = JobSpec.job().clientKey("order-17", JobSpec.T0.plusSeconds(3_600)).build();
        NewJob plain = JobSpec.job().build();

        List<InsertOutcome> outcomes = store.insertEach(List.of(keyed, plain));

        assertThat(outcomes).allSatisfy(o -> assertThat(o.created()).isTrue());
        assertThat(store.find(keyed.id())).isPresent();
        assertThat(store.find(plain.id())).isPresent();
    }
}
