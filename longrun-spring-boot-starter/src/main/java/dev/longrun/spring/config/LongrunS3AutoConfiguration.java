package dev.longrun.spring.config;

import dev.longrun.result.ResultStore;
import dev.longrun.s3.S3ResultStore;
import dev.longrun.s3.S3Settings;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * {@code longrun.results.store=s3}: result files in an S3-compatible bucket ({@code longrun.results.s3.*}), shared by
 * every node, when the application has {@code dev.longrun:longrun-s3}. The engine checks the bucket at start.
 */
@AutoConfiguration(before = LongrunEngineAutoConfiguration.class)
@ConditionalOnClass(S3ResultStore.class)
@ConditionalOnProperty(name = "longrun.results.store", havingValue = "s3")
@EnableConfigurationProperties(LongrunProperties.class)
public class LongrunS3AutoConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean(ResultStore.class)
    public S3ResultStore longrunS3ResultStore(LongrunProperties properties) {
        LongrunProperties.S3 s3 = properties.getResults().getS3();
        if (s3.getBucket() == null || s3.getBucket().isBlank()) {
            throw new IllegalStateException("longrun.results.s3.bucket is required when longrun.results.store=s3.");
        }
        if ((s3.getAccessKeyId() == null) != (s3.getSecretAccessKey() == null)) {
            throw new IllegalStateException("longrun.results.s3.access-key-id and longrun.results.s3.secret-access-key are set together, "
                    + "or neither (then the AWS SDK's default credentials are used).");
        }
        return new S3ResultStore(new S3Settings(s3.getBucket(), s3.getPrefix(), s3.getEndpoint(), s3.getRegion(),
                s3.isPathStyle(), s3.getAccessKeyId(), s3.getSecretAccessKey(), null));
    }
}
