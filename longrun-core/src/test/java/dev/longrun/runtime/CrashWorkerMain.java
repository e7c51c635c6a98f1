package dev.longrun.runtime;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.longrun.JobType;
import dev.longrun.Longrun;
import java.time.Duration;
import java.util.Map;

/**
 * A worker process for {@link WorkerCrashTest}: claims the crash-test jobs and works on them until it
 * is killed. Started in its own JVM so SIGKILL takes it down mid-job, as a real crash would.
 */
public final class CrashWorkerMain {

    public static void main(String[] args) throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(args[0]);
        config.setUsername("postgres");
        config.setMaximumPoolSize(4);
        Longrun longrun = Longrun.builder()
                .dataSource(new HikariDataSource(config)).schema(args[1]).nodeName("crash-child")
                .lease(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(50)).concurrency(10)
                .register(JobType.builder("crash.work", Map.class, ctx -> {
                    for (int i = 0; ; i++) {
                        ctx.progress(i, 1_000_000, "Working on step " + i);
                        Thread.sleep(20);
                    }
                }).build())
                .build();
        System.out.println("ready " + longrun);
        Thread.sleep(Duration.ofMinutes(2));
        System.exit(3);
    }

}
