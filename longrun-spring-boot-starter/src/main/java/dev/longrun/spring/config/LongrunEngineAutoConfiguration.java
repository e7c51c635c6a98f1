package dev.longrun.spring.config;

import dev.longrun.Longrun;
import dev.longrun.LongrunBuilder;
import dev.longrun.JobType;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The {@link Longrun} engine as a bean, on the application's DataSource (PostgreSQL or SQLite) or the embedded one,
 * running every {@code JobType} and {@code JobHandler} bean of the application. A {@code Clock} bean named
 * {@code longrunClock} replaces the system clock (tests use a settable one).
 */
@AutoConfiguration(after = {DataSourceAutoConfiguration.class, LongrunDataSourceAutoConfiguration.class})
@EnableConfigurationProperties(LongrunProperties.class)
public class LongrunEngineAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "longrunClock")
    public Clock longrunClock() {
        return Clock.systemUTC();
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean(Longrun.class)
    public Longrun longrun(DataSource dataSource, LongrunProperties p, @Qualifier("longrunClock") Clock clock,
                           ConfigurableListableBeanFactory beans) {
        LongrunBuilder builder = Longrun.builder().dataSource(dataSource).dataDir(p.getDataDir()).schema(p.getSchema())
                .clock(clock).concurrency(p.getWorker().getConcurrency()).runWorkers(p.getWorker().isEnabled())
                .retention(p.getRetention()).fileRetention(p.getResults().getRetention())
                .nodeName(p.getWorker().getNodeName()).lease(p.getWorker().getLease()).rescueInterval(p.getWorker().getRescueInterval())
                .idempotencyKeyLifetime(p.getIdempotencyKeyLifetime());
        for (JobType<?> type : JobTypeBeans.collect(beans)) {
            builder.register(type);
        }
        return builder.build();
    }
}
