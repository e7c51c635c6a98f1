package dev.longrun.bench.chaos;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What a chaos run does, from system properties ({@code chaos.*}); the defaults are the documented run of
 * docs/BENCHMARKS.md. {@code postgres} picks how PostgreSQL goes away once in the middle: {@code proxy} (default: the
 * nodes reach PostgreSQL through a proxy of this process, which drops every connection and refuses new ones for
 * {@code outage}; other users of the database are not disturbed), {@code restart} (restarts the PostgreSQL server
 * itself with {@code restartCommand}: only on a machine of your own) or {@code none}.
 *
 * @param nodes       server processes
 * @param jobs        jobs started through the API, spread over {@code load}
 * @param killEvery   a random live node gets SIGKILL this often while jobs are being started, then starts again
 * @param quietWithin after the last start, how long every job may take to end before the rest count as lost
 */
public record ChaosSettings(Path jar, String jdbcUrl, String user, int nodes, int jobs, Duration load, Duration killEvery,
                            String postgres, Duration outage, String restartCommand, Duration quietWithin, int concurrency,
                            String heap, long seed, String serverArgs) {

    public static ChaosSettings fromSystemProperties() {
        return new ChaosSettings(
                Path.of(System.getProperty("chaos.jar", "longrun-server/target/longrun-server.jar")),
                System.getProperty("chaos.jdbc-url", "jdbc:postgresql://127.0.0.1:5432/test"),
                System.getProperty("chaos.user", "postgres"),
                Integer.getInteger("chaos.nodes", 3),
                Integer.getInteger("chaos.jobs", 1500),
                Duration.ofSeconds(Integer.getInteger("chaos.load-seconds", 90)),
                Duration.ofSeconds(Integer.getInteger("chaos.kill-every-seconds", 6)),
                System.getProperty("chaos.postgres", "proxy"),
                Duration.ofSeconds(Integer.getInteger("chaos.outage-seconds", 5)),
                // A command has spaces, which bench.args cannot carry: CHAOS_RESTART_COMMAND (set by chaos-private-postgres.sh).
                System.getProperty("chaos.restart-command", System.getenv().getOrDefault("CHAOS_RESTART_COMMAND",
                        "pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main restart")),
                Duration.ofSeconds(Integer.getInteger("chaos.quiet-seconds", 300)),
                Integer.getInteger("chaos.concurrency", 8),
                System.getProperty("chaos.heap", "320m"),
                Long.getLong("chaos.seed", 13),
                System.getProperty("chaos.server-args", ""));
    }

    /** The CI-sized run: two nodes, a couple of hundred jobs, about a minute of kills, PostgreSQL through the proxy. */
    public static ChaosSettings ciSized(Path jar) {
        return new ChaosSettings(jar, System.getProperty("chaos.jdbc-url", "jdbc:postgresql://127.0.0.1:5432/test"),
                "postgres", 2, 240, Duration.ofSeconds(40), Duration.ofSeconds(8), "proxy", Duration.ofSeconds(3),
                null, Duration.ofSeconds(150), 8, "288m", 7, "");
    }
}
