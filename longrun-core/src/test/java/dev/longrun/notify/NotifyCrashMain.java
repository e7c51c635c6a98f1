package dev.longrun.notify;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.longrun.Job;
import dev.longrun.JobResult;
import dev.longrun.JobStatus;
import dev.longrun.JobType;
import dev.longrun.Longrun;
import dev.longrun.StartOptions;
import dev.longrun.store.EmbeddedDatabase;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The process {@link NotificationCrashTest} kills with SIGKILL. Runs a job to success (its notification is then
 * committed with the status) and, in mode {@code claimed}, also claims the webhook delivery and hangs before sending,
 * as a node dies mid-dispatch. Prints {@code READY} when the parent may kill it.
 *
 * <p>Args: {@code postgres <jdbcUrl> <schema> <mode>} or {@code sqlite <dataDir> - <mode>}.
 */
public final class NotifyCrashMain {

    public static void main(String[] args) throws Exception {
        DataSource dataSource = dataSource(args[0], args[1]);
        String schema = args[2].equals("-") ? "longrun" : args[2];
        Longrun longrun = Longrun.builder().dataSource(dataSource).schema(schema).dataDir(Path.of(System.getProperty("java.io.tmpdir")))
                .nodeName("crash-child").pollInterval(Duration.ofMillis(50))
                .register(JobType.builder("crash.export", Map.class, ctx -> JobResult.message("Exported 10 rows")).label("Export").build())
                .build();
        Job job = longrun.start("crash.export", Map.of(), StartOptions.forUser("acme", "alice")).job();
        while (longrun.get(job.id()).orElseThrow().status() != JobStatus.SUCCEEDED) {
            Thread.sleep(20);
        }
        if (args[3].equals("claimed")) {
            Channel hang = new Channel() {
                @Override
                public boolean serves(String channel) {
                    return channel.startsWith(Delivery.WEBHOOK_PREFIX);
                }

                @Override
                public DeliveryOutcome deliver(Delivery delivery, Notification notification, Job j) {
                    System.out.println("READY claimed delivery " + delivery.id());
                    System.out.flush();
                    try {
                        Thread.sleep(Duration.ofMinutes(2));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return DeliveryOutcome.sent();
                }
            };
            NotificationStore store = NotificationStore.open(dataSource, schema);
            Dispatcher d = new Dispatcher(store, longrun::getAll, new NotificationText(t -> t, Duration.ofHours(24)), List.of(hang),
                    Clock.systemUTC(), "crash-child", DispatchSettings.defaults().withLease(Duration.ofSeconds(2)));
            d.runOnce();
        } else {
            System.out.println("READY job " + job.id() + " succeeded, nothing delivered");
            System.out.flush();
        }
        Thread.sleep(Duration.ofMinutes(2));
        System.exit(3);
    }

    private static DataSource dataSource(String kind, String where) {
        if (kind.equals("sqlite")) {
            return EmbeddedDatabase.open(Path.of(where));
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(where);
        config.setUsername("postgres");
        config.setMaximumPoolSize(4);
        return new HikariDataSource(config);
    }
}
