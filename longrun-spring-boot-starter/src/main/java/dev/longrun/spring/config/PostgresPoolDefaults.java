package dev.longrun.spring.config;

import com.zaxxer.hikari.HikariDataSource;
import dev.longrun.LongrunBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import java.util.Locale;
import org.springframework.core.env.Environment;

/**
 * Two defaults for the application's Hikari pool on PostgreSQL, each only where the application did not choose.
 * <ul>
 * <li>The pool holds the worker concurrency plus headroom. Heartbeats, claims and outcome writes share the pool with
 * handlers that use the database; with Hikari's default of 10 and 32 workers, heartbeats waited past their lease and
 * live jobs were rescued (docs/RELIABILITY.md).</li>
 * <li>A new connection gives up after {@link #LOGIN_TIMEOUT_SECONDS} (pgjdbc's {@code loginTimeout}; its default is
 * none). A node started while PostgreSQL restarted waited for the authentication answer forever: the chaos run found
 * it hung at startup for minutes; with the timeout Hikari tries again and the node comes up once PostgreSQL does.</li>
 * </ul>
 */
final class PostgresPoolDefaults implements BeanPostProcessor {

    /** Heartbeats, claims, outcome writes, LISTEN and a few API requests beside the workers. */
    static final int HEADROOM = 8;
    static final int LOGIN_TIMEOUT_SECONDS = 10;
    private static final String POOL_SIZE = "spring.datasource.hikari.maximum-pool-size";
    private static final String LOGIN_TIMEOUT = "loginTimeout";
    private static final Logger log = LoggerFactory.getLogger(PostgresPoolDefaults.class);

    private final Environment env;

    PostgresPoolDefaults(Environment env) {
        this.env = env;
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool && onPostgres(pool)) {
            size(pool, beanName);
            boundLogin(pool);
        }
        return bean;
    }

    private void size(HikariDataSource pool, String beanName) {
        if (!env.containsProperty(POOL_SIZE) && workersRun()) {
            int wanted = env.getProperty("longrun.worker.concurrency", Integer.class, LongrunBuilder.DEFAULT_CONCURRENCY) + HEADROOM;
            if (pool.getMaximumPoolSize() < wanted) {
                log.info("Longrun: connection pool '{}' raised from {} to {} connections ({} workers + {}); set {} to choose yourself",
                        beanName, pool.getMaximumPoolSize(), wanted, wanted - HEADROOM, HEADROOM, POOL_SIZE);
                pool.setMaximumPoolSize(wanted);
            }
        }
    }

    private static void boundLogin(HikariDataSource pool) {
        boolean chosen = pool.getDataSourceProperties().containsKey(LOGIN_TIMEOUT)
                || pool.getJdbcUrl().toLowerCase(Locale.ROOT).contains("logintimeout=");
        if (!chosen) {
            pool.addDataSourceProperty(LOGIN_TIMEOUT, String.valueOf(LOGIN_TIMEOUT_SECONDS));
        }
    }

    /** The embedded SQLite pool stays small on purpose: SQLite has one writer at a time. */
    private static boolean onPostgres(HikariDataSource pool) {
        return pool.getJdbcUrl() != null && pool.getJdbcUrl().startsWith("jdbc:postgresql:");
    }

    private boolean workersRun() {
        return env.getProperty("longrun.worker.enabled", Boolean.class, true);
    }
}
