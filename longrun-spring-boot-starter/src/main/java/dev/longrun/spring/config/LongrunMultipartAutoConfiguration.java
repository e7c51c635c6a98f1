package dev.longrun.spring.config;

import jakarta.servlet.MultipartConfigElement;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.servlet.autoconfigure.MultipartAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.util.unit.DataSize;

/**
 * Sets the servlet multipart limits from {@code longrun.uploads.max-size} (Spring's default of 1 MB would refuse
 * ordinary CSV imports), unless the application declares its own {@link MultipartConfigElement}.
 */
@AutoConfiguration(before = MultipartAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(LongrunProperties.class)
public class LongrunMultipartAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public MultipartConfigElement longrunMultipartConfig(LongrunProperties p) {
        long max = p.getUploads().getMaxSize().toBytes();
        return new MultipartConfigElement("", max, max + DataSize.ofKilobytes(64).toBytes(), 0);
    }
}
