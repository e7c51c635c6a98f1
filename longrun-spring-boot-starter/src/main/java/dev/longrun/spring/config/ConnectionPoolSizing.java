package dev.longrun.spring.config;

import com.zaxxer.hikari.HikariDataSource;
import dev.longrun.LongrunBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.env.Environment;

/**
 * Raises the application's Hikari pool to the worker concurrency plus headroom, unless the application sized it
 * itself. Heartbeats, claims and outcome writes share the pool with handlers that use the database; with Hikari's
 * default of 10 and 32 workers, heartbeats waited past their lease and live jobs were rescued (docs/RELIABILITY.md).
 */
final class ConnectionPoolSizing implements BeanPostProcessor {

    /** Heartbeats, claims, outcome writes, LISTEN and a few API requests beside the workers. */
    static final int HEADROOM = 8;
    private static final String POOL_SIZE = "spring.datasource.hikari.maximum-pool-size";
    private static final Logger log = LoggerFactory.getLogger(ConnectionPoolSizing.class);

    private final Environment env;

    ConnectionPoolSizing(Environment env) {
        this.env = env;
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool && onPostgres(pool) && !env.containsProperty(POOL_SIZE) && workersRun()) {
            int wanted = env.getProperty("longrun.worker.concurrency", Integer.class, LongrunBuilder.DEFAULT_CONCURRENCY) + HEADROOM;
            if (pool.getMaximumPoolSize() < wanted) {
                log.info("Longrun: connection pool '{}' raised from {} to {} connections ({} workers + {}); set {} to choose yourself",
                        beanName, pool.getMaximumPoolSize(), wanted, wanted - HEADROOM, HEADROOM, POOL_SIZE);
                pool.setMaximumPoolSize(wanted);
            }
        }
        return bean;
    }

    /** The embedded SQLite pool stays small on purpose: SQLite has one writer at a time. */
    private static boolean onPostgres(HikariDataSource pool) {
        return pool.getJdbcUrl() != null && pool.getJdbcUrl().startsWith("jdbc:postgresql:");
    }

    private boolean workersRun() {
        return env.getProperty("longrun.worker.enabled", Boolean.class, true);
    }
}
