package dev.longrun.spring.config;

import dev.longrun.spring.problem.UploadLimit;
import jakarta.servlet.MultipartConfigElement;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.servlet.autoconfigure.MultipartAutoConfiguration;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.util.unit.DataSize;

/**
 * Sets the servlet multipart limits from {@code longrun.uploads.max-size} (Spring's default of 1 MB would refuse
 * ordinary CSV imports), unless the application declares its own {@link MultipartConfigElement}; either way the
 * limit is named in the answer to an upload over it.
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

    /** Names the limit in effect (ours or the application's) for the 413 answer to an upload over it ({@link UploadLimit}). */
    @Bean
    ServletContextInitializer longrunUploadLimitName(ObjectProvider<MultipartConfigElement> config) {
        return context -> {
            MultipartConfigElement c = config.getIfAvailable();
            if (c != null && c.getMaxFileSize() > 0) {
                context.setAttribute(UploadLimit.ATTRIBUTE, describe(c.getMaxFileSize()));
            }
        };
    }

    /** 52428800 → "50 MB", 65536 → "64 KB", as the setting is usually written. */
    static String describe(long bytes) {
        if (bytes % DataSize.ofMegabytes(1).toBytes() == 0) {
            return bytes / DataSize.ofMegabytes(1).toBytes() + " MB";
        }
        return bytes % 1024 == 0 ? bytes / 1024 + " KB" : bytes + " bytes";
    }
}
