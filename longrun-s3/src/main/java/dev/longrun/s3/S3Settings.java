package dev.longrun.s3;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where an {@link S3ResultStore} keeps files.
 *
 * @param bucket          an existing bucket (checked at start)
 * @param prefix          put before every key, e.g. {@code longrun/results/}; empty for none
 * @param endpoint        an S3-compatible endpoint (MinIO, Ceph, R2, S3Mock); null for AWS S3 of {@code region}
 * @param region          signing region; {@code us-east-1} suits most S3-compatible stores
 * @param pathStyle       {@code http://host/bucket/key} addresses instead of {@code http://bucket.host/key} (most
 *                        S3-compatible stores need it)
 * @param accessKeyId     with {@code secretAccessKey}: static credentials; both null: the SDK's default chain
 *                        (environment, system properties, profile, container or instance role)
 * @param callTimeout     longest one S3 call may take, retries included
 */
public record S3Settings(String bucket, String prefix, URI endpoint, String region, boolean pathStyle,
                         String accessKeyId, String secretAccessKey, Duration callTimeout) {

    public static final String DEFAULT_REGION = "us-east-1";
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofMinutes(2);

    public S3Settings {
        if (bucket == null || bucket.isBlank()) {
            throw new IllegalArgumentException("bucket is required");
        }
        prefix = prefix == null ? "" : prefix;
        region = region == null || region.isBlank() ? DEFAULT_REGION : region;
        callTimeout = callTimeout == null ? DEFAULT_CALL_TIMEOUT : callTimeout;
        if ((accessKeyId == null) != (secretAccessKey == null)) {
            throw new IllegalArgumentException("accessKeyId and secretAccessKey are set together, or neither (the SDK's default credentials)");
        }
        if (callTimeout.isNegative() || callTimeout.isZero()) {
            throw new IllegalArgumentException("callTimeout must be a positive duration, was " + callTimeout);
        }
    }

    /** Settings for a bucket on AWS S3 in the default region, with the SDK's default credentials. */
    public static S3Settings bucket(String bucket) {
        return new S3Settings(bucket, "", null, null, false, null, null, null);
    }

    public S3Settings withEndpoint(URI endpoint, boolean pathStyle) {
        return new S3Settings(bucket, prefix, Objects.requireNonNull(endpoint), region, pathStyle, accessKeyId, secretAccessKey, callTimeout);
    }

    public S3Settings withCredentials(String accessKeyId, String secretAccessKey) {
        return new S3Settings(bucket, prefix, endpoint, region, pathStyle, accessKeyId, secretAccessKey, callTimeout);
    }

    public S3Settings withPrefix(String prefix) {
        return new S3Settings(bucket, prefix, endpoint, region, pathStyle, accessKeyId, secretAccessKey, callTimeout);
    }

    /** {@code s3://bucket/prefix}, plus the endpoint when it is not AWS. */
    public String describe() {
        return "s3://" + bucket + "/" + prefix + (endpoint != null ? " at " + endpoint : "");
    }
}
