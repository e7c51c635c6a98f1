package dev.longrun.spring.config;

import dev.longrun.LongrunBuilder;
import javax.sql.DataSource;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The embedded default: when the application has no DataSource and no {@code spring.datasource.url}, an SQLite
 * database under {@code longrun.data-dir} becomes the application's DataSource bean, so the host application's
 * own tables (and health checks) use the same database as Longrun.
 */
@AutoConfiguration(before = DataSourceAutoConfiguration.class)
@EnableConfigurationProperties(LongrunProperties.class)
@ConditionalOnProperty(prefix = "spring.datasource", name = "url", havingValue = "__none__", matchIfMissing = true)
public class LongrunDataSourceAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(DataSource.class)
    public DataSource longrunEmbeddedDataSource(LongrunProperties properties) {
        LoggerFactory.getLogger(LongrunDataSourceAutoConfiguration.class).info(
                "No spring.datasource.url: using the embedded database in {}", properties.getDataDir().toAbsolutePath());
        return LongrunBuilder.embeddedDatabase(properties.getDataDir());
    }
}
