package dev.longrun.server;

import dev.longrun.Longrun;
import dev.longrun.server.contacts.ContactRepository;
import dev.longrun.server.contacts.imports.ImportUploads;
import dev.longrun.server.contacts.imports.StarterImportUploads;
import dev.longrun.server.contacts.invite.InvitationSender;
import dev.longrun.server.contacts.invite.OutboxInvitationSender;
import dev.longrun.server.contacts.invite.SmtpInvitationSender;
import dev.longrun.server.db.ServerSchema;
import dev.longrun.server.outbox.OutboxRepository;
import dev.longrun.server.seed.ContactSeeder;
import dev.longrun.spring.upload.UploadStore;
import dev.longrun.store.DatabaseWait;
import dev.longrun.store.SqlFolder;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * The product's own tables (contacts, outbox) in the same database as Longrun's jobs: migrated before any
 * repository is used, then seeded with demo contacts on first start. Also picks how invitations leave:
 * SMTP when {@code spring.mail.host} is set, else the local outbox.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ProductProperties.class)
public class ServerStorage {

    private static final Logger LOG = LoggerFactory.getLogger(ServerStorage.class);

    @Bean
    SqlFolder serverSql(DataSource dataSource) {
        return ServerSchema.sql(dataSource);
    }

    /**
     * Migrates the server's tables after Longrun migrated its own: on SQLite, Longrun's Flyway refuses a database
     * that already holds other tables. Safe because the engine only runs jobs that exist, and on a first start
     * (the only time the tables are missing) there are none. A database that drops connections meanwhile is waited
     * for as long as Longrun's own migration would wait.
     */
    @Bean
    ServerSchemaMigrated serverSchemaMigrated(DataSource dataSource, SqlFolder serverSql, Longrun longrun) {
        DatabaseWait.upTo(longrun.settings().databaseWaitAtStart())
                .run("the server's migration", () -> ServerSchema.migrate(dataSource, serverSql));
        return new ServerSchemaMigrated();
    }

    /** Marker bean: the contacts and outbox tables exist. */
    record ServerSchemaMigrated() {
    }

    @Bean
    ContactRepository contactRepository(DataSource dataSource, SqlFolder serverSql) {
        return new ContactRepository(dataSource, serverSql);
    }

    @Bean
    OutboxRepository outboxRepository(DataSource dataSource, SqlFolder serverSql) {
        return new OutboxRepository(dataSource, serverSql);
    }

    @Bean
    InvitationSender invitationSender(ObjectProvider<JavaMailSender> mail, OutboxRepository outbox, ProductProperties properties,
                                      Environment env) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender != null && env.containsProperty("spring.mail.host")) {
            LOG.info("Invitations are sent over SMTP via {}:{}", env.getProperty("spring.mail.host"), env.getProperty("spring.mail.port", "25"));
            return new SmtpInvitationSender(sender, properties.getMail().getFrom());
        }
        LOG.info("No SMTP server configured (spring.mail.host): invitations go to the local outbox, readable at GET /api/outbox");
        return new OutboxInvitationSender(outbox);
    }

    @Bean
    ImportUploads importUploads(UploadStore uploads) {
        return new StarterImportUploads(uploads);
    }

    @Bean
    ContactSeeder contactSeeder(ContactRepository contacts) {
        return new ContactSeeder(contacts);
    }

    @Bean
    ApplicationRunner seedDemoContacts(ContactSeeder seeder, ProductProperties properties, Environment env,
                                       ServerSchemaMigrated migrated) {
        return args -> seeder.seedAllOnceReachable(demoAccounts(properties, env), properties.getContacts(),
                Duration.ofMinutes(1), Duration.ofSeconds(1));
    }

    /** longrun-demo.accounts, or else the distinct accounts of longrun.users[*].account. */
    static List<String> demoAccounts(ProductProperties properties, Environment env) {
        if (!properties.getAccounts().isEmpty()) {
            return properties.getAccounts();
        }
        java.util.LinkedHashSet<String> accounts = new java.util.LinkedHashSet<>();
        for (int i = 0; env.containsProperty("longrun.users[" + i + "].username"); i++) {
            accounts.add(env.getProperty("longrun.users[" + i + "].account", "default"));
        }
        return List.copyOf(accounts);
    }
}
