package dev.longrun.spring.config;

import dev.longrun.Longrun;
import dev.longrun.LongrunBuilder;
import dev.longrun.JobType;
import dev.longrun.result.ResultStore;
import java.time.Clock;
import java.util.LinkedHashSet;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The {@link Longrun} engine as a bean, on the application's DataSource (PostgreSQL or SQLite) or the embedded one,
 * running every {@code JobType} and {@code JobHandler} bean of the application, configured from {@code longrun.*}
 * ({@link LongrunProperties}). A {@code Clock} bean named {@code longrunClock} replaces the system clock (tests use a
 * settable one); a {@link ResultStore} bean (e.g. from {@code longrun.results.store=s3}) replaces the local directory.
 */
@AutoConfiguration(after = {DataSourceAutoConfiguration.class, LongrunDataSourceAutoConfiguration.class})
@EnableConfigurationProperties(LongrunProperties.class)
public class LongrunEngineAutoConfiguration {

    /** Static: a post-processor must exist before the DataSource bean it sizes. */
    @Bean
    static PostgresPoolDefaults longrunPostgresPoolDefaults(org.springframework.core.env.Environment env) {
        return new PostgresPoolDefaults(env);
    }

    @Bean
    @ConditionalOnMissingBean(name = "longrunClock")
    public Clock longrunClock() {
        return Clock.systemUTC();
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean(Longrun.class)
    public Longrun longrun(DataSource dataSource, LongrunProperties p, @Qualifier("longrunClock") Clock clock,
                           ObjectProvider<ResultStore> resultStore, ConfigurableListableBeanFactory beans) {
        LongrunProperties.Worker w = p.getWorker();
        LongrunBuilder builder = Longrun.builder().dataSource(dataSource).dataDir(p.getDataDir()).schema(p.getSchema())
                .clock(clock).concurrency(w.getConcurrency()).runWorkers(w.isEnabled())
                .lease(w.getLease()).rescueInterval(w.getRescueInterval()).pollInterval(w.getPollInterval())
                .shutdownGrace(w.getShutdownGrace()).idempotencyKeyLifetime(p.getIdempotencyKeyLifetime())
                .databaseWaitAtStart(p.getDatabaseWaitAtStart())
                .nodeName(p.getNodeName()).progressFlushInterval(p.getProgressFlushInterval())
                .retention(p.getRetention()).fileRetention(p.getResults().getRetention());
        if (!w.getQueues().isEmpty()) {
            builder.queues(new LinkedHashSet<>(w.getQueues()));
        }
        ResultStore store = resultStore.getIfAvailable();
        if (store != null) {
            builder.resultStore(store);
        } else if (p.getResults().getStore() == LongrunProperties.StoreKind.S3) {
            throw new IllegalStateException("longrun.results.store=s3 needs the module dev.longrun:longrun-s3 on the classpath; add it, or set longrun.results.store=local.");
        }
        for (JobType<?> type : JobTypeBeans.collect(beans)) {
            builder.register(type);
        }
        return builder.build();
    }
}
