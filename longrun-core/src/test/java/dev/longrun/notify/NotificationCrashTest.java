package dev.longrun.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import dev.longrun.JobResult;
import dev.longrun.JobType;
import dev.longrun.Longrun;
import dev.longrun.store.EmbeddedDatabase;
import dev.longrun.testing.PostgresSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A process is killed with SIGKILL after a job's status change, before its notification was delivered (mode
 * {@code before}), or after it claimed the delivery but before sending it (mode {@code claimed}). The next process
 * delivers it exactly once: the notification was committed with the status, and the dead node's lease expires.
 */
class NotificationCrashTest {

    @TempDir
    Path dataDir;

    @ParameterizedTest(name = "{0}, killed {1} delivery")
    @CsvSource({"postgres, before", "postgres, claimed", "sqlite, before", "sqlite, claimed"})
    void aNotificationOfAKilledProcessIsDeliveredExactlyOnceAfterRestart(String store, String mode) throws Exception {
        try (PostgresSchema pg = store.equals("postgres") ? PostgresSchema.create(NotificationCrashTest.class) : null;
             Receiver receiver = new Receiver()) {
            HikariDataSource sqlite = pg == null ? EmbeddedDatabase.open(dataDir) : null;
            DataSource ds = pg != null ? pg.dataSource() : sqlite;
            String schema = pg != null ? pg.name() : "longrun";
            try (Longrun migrate = engine(ds, schema, dataDir)) {
                NotificationStore.open(ds, schema).webhooks().add("acme", receiver.url(), WebhookFormat.JSON, "whsec_crash", migrate.clock().instant());
            }

            Path log = dataDir.resolve("child.log");
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), NotifyCrashMain.class.getName(),
                    store, pg != null ? pg.jdbcUrl() : dataDir.toString(), pg != null ? pg.name() : "-", mode)
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            await().atMost(Duration.ofSeconds(60)).until(() -> Files.readString(log).contains("READY"));
            child.destroyForcibly(); // SIGKILL: no shutdown hooks, nothing released
            assertThat(child.waitFor()).isNotZero();
            assertThat(receiver.requests).isEmpty();

            try (Longrun survivor = engine(ds, schema, dataDir);
                 Dispatcher d = Notifications.start(survivor, ds, schema, "survivor",
                         List.of(new WebhookChannel(NotificationStore.open(ds, schema).webhooks(), Clock.systemUTC(),
                                 new WebhookChannel.Settings(Duration.ofSeconds(5), 10, WebhookAddresses.of(false, true), ""))),
                         DispatchSettings.defaults().withPollInterval(Duration.ofMillis(100)), Duration.ofHours(24))) {
                await().atMost(Duration.ofSeconds(30)).until(() -> receiver.requests.size() >= 1);
                Thread.sleep(2_500); // longer than the dead node's lease: a second delivery would have happened by now
                d.runOnce();
            }
            assertThat(receiver.requests).hasSize(1);
            assertThat(WebhookSignature.verify("whsec_crash", receiver.requests.getFirst().header("X-Longrun-Signature"),
                    receiver.requests.getFirst().body())).isTrue();
            NotificationStore notes = NotificationStore.open(ds, schema);
            List<Notification> inbox = notes.inbox("acme", "alice", null, 10);
            assertThat(inbox).singleElement().satisfies(n -> assertThat(notes.deliveries(n.id())).singleElement().satisfies(x -> {
                assertThat(x.status()).isEqualTo(DeliveryStatus.SENT);
                assertThat(x.attempts()).isEqualTo(1);
            }));
            if (sqlite != null) {
                sqlite.close();
            }
        }
    }

    private static Longrun engine(DataSource ds, String schema, Path dataDir) {
        return Longrun.builder().dataSource(ds).schema(schema).dataDir(dataDir.resolve("parent")).runWorkers(false)
                .register(JobType.builder("crash.export", Map.class, ctx -> JobResult.done()).label("Export").build()).build();
    }
}
