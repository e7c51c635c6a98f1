package dev.longrun.bench.scale;

import static org.assertj.core.api.Assertions.assertThat;

import dev.longrun.bench.engine.BenchDatabase;
import org.junit.jupiter.api.Test;

/** The meter puts work the server does on the server's side and work this JVM does on the JVM's (local PostgreSQL). */
class CpuMeterTest {

    @Test
    void aQueryIsCountedOnTheServerAndALoopHereOnTheJvm() {
        try (BenchDatabase db = BenchDatabase.create(BenchDatabase.DEFAULT_URL, "postgres", "cpu")) {
            CpuMeter server = CpuMeter.start(db);
            db.queryLong("SELECT count(*) FROM generate_series(1, 3000000)");
            CpuMeter.Spent query = server.spent();

            CpuMeter jvm = CpuMeter.start(db);
            long x = 0;
            for (long i = 0; i < 300_000_000L; i++) {
                x += i ^ (x >>> 3);
            }
            CpuMeter.Spent loop = jvm.spent();

            assertThat(x).isNotZero(); // keeps the loop
            assertThat(query.serverMicros()).as("3,000,000 rows counted by the server").isGreaterThan(100_000);
            assertThat(loop.jvmMicros()).as("the loop here").isGreaterThan(50_000);
            assertThat(loop.serverMicros()).isLessThan(loop.jvmMicros());
            assertThat(server.perJob(1_000)).matches("CPU per job: PostgreSQL \\d+\\.\\d µs, JVM \\d+\\.\\d µs");
        }
    }
}
