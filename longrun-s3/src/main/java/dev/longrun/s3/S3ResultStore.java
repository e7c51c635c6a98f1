package dev.longrun.s3;

import dev.longrun.ResultFile;
import dev.longrun.result.ResultKeys;
import dev.longrun.result.ResultStore;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Result files in an S3 bucket (AWS or any S3-compatible store), so every node writes and serves the same files
 * without a shared file system. A file is spooled to a local temporary file while the handler writes it and put
 * into the bucket when the handler closes it: a failed put fails the handler's {@code resultFile} call, so no job
 * succeeds without its file. Downloads go straight from the bucket through short-lived presigned GET URLs.
 */
public final class S3ResultStore implements ResultStore, AutoCloseable {

    private final S3Settings settings;
    private final S3Client s3;
    private final S3Presigner presigner;

    public S3ResultStore(S3Settings settings) {
        this.settings = settings;
        AwsCredentialsProvider credentials = settings.accessKeyId() != null
                ? StaticCredentialsProvider.create(AwsBasicCredentials.create(settings.accessKeyId(), settings.secretAccessKey()))
                : DefaultCredentialsProvider.builder().build();
        S3Configuration config = S3Configuration.builder().pathStyleAccessEnabled(settings.pathStyle()).build();
        Region region = Region.of(settings.region());
        var client = S3Client.builder().region(region).credentialsProvider(credentials).serviceConfiguration(config)
                // Checksums only where S3 requires them: several S3-compatible stores reject the newer default trailers.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .overrideConfiguration(o -> o.apiCallTimeout(settings.callTimeout()));
        var presign = S3Presigner.builder().region(region).credentialsProvider(credentials).serviceConfiguration(config);
        if (settings.endpoint() != null) {
            client.endpointOverride(settings.endpoint());
            presign.endpointOverride(settings.endpoint());
        }
        this.s3 = client.build();
        this.presigner = presign.build();
    }

    @Override
    public String describe() {
        return settings.describe();
    }

    @Override
    public void check() throws IOException {
        try {
            s3.headBucket(b -> b.bucket(settings.bucket()));
        } catch (NoSuchBucketException e) {
            throw new IOException("the bucket '" + settings.bucket() + "' does not exist. Create it, or set the bucket Longrun should use.", e);
        } catch (S3Exception e) {
            throw new IOException(e.statusCode() == 404
                    ? "the bucket '" + settings.bucket() + "' does not exist. Create it, or set the bucket Longrun should use."
                    : "the bucket '" + settings.bucket() + "' answered " + e.statusCode() + " (" + e.awsErrorDetails().errorMessage()
                    + "). Check the credentials and the bucket's permissions.", e);
        } catch (SdkException e) {
            throw new IOException("the store cannot be reached (" + e.getMessage() + "). Check the endpoint and the network.", e);
        }
    }

    @Override
    public Upload create(UUID jobId, String filename) throws IOException {
        String key = ResultKeys.newKey(jobId, filename);
        Path spool = Files.createTempFile("longrun-result-", ".part");
        Counting out = new Counting(new BufferedOutputStream(Files.newOutputStream(spool), 64 * 1024));
        return new Upload() {
            private boolean closed;

            @Override public String key() { return key; }
            @Override public OutputStream stream() { return out; }
            @Override public long size() { return out.count; }

            @Override
            public void close() throws IOException {
                if (closed) {
                    return;
                }
                closed = true;
                try {
                    out.close();
                    put(key, spool);
                } finally {
                    Files.deleteIfExists(spool);
                }
            }
        };
    }

    private void put(String key, Path file) throws IOException {
        try {
            s3.putObject(b -> b.bucket(settings.bucket()).key(objectKey(key)), RequestBody.fromFile(file));
        } catch (SdkException e) {
            throw new IOException("The result file could not be stored in " + describe() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public InputStream open(ResultFile file) throws IOException {
        return open(file, 0);
    }

    @Override
    public InputStream open(ResultFile file, long offset) throws IOException {
        try {
            return s3.getObject(b -> b.bucket(settings.bucket()).key(objectKey(file.storageKey()))
                    .range(offset > 0 ? "bytes=" + offset + "-" : null));
        } catch (NoSuchKeyException e) {
            throw new NoSuchFileException(file.storageKey());
        } catch (SdkException e) {
            throw new IOException("The result file cannot be read from " + describe() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean exists(ResultFile file) {
        if (file == null || file.storageKey() == null) {
            return false;
        }
        try {
            s3.headObject(b -> b.bucket(settings.bucket()).key(objectKey(file.storageKey())));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw new UncheckedIOException(new IOException("The result store " + describe() + " answered " + e.statusCode(), e));
        } catch (SdkException e) {
            throw new UncheckedIOException(new IOException("The result store " + describe() + " cannot be reached: " + e.getMessage(), e));
        }
    }

    @Override
    public Optional<URI> directDownload(ResultFile file, String downloadName, Duration ttl) {
        String disposition = "attachment; filename*=UTF-8''" + URLEncoder.encode(downloadName, StandardCharsets.UTF_8).replace("+", "%20");
        var presigned = presigner.presignGetObject(p -> p.signatureDuration(ttl).getObjectRequest(g -> {
            g.bucket(settings.bucket()).key(objectKey(file.storageKey())).responseContentDisposition(disposition);
            if (file.contentType() != null) {
                g.responseContentType(file.contentType());
            }
        }));
        return Optional.of(URI.create(presigned.url().toString()));
    }

    @Override
    public void delete(String storageKey) throws IOException {
        try {
            s3.deleteObject(b -> b.bucket(settings.bucket()).key(objectKey(storageKey)));
        } catch (SdkException e) {
            throw new IOException("Could not delete " + storageKey + " from " + describe() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void deleteJobFiles(UUID jobId) throws IOException {
        try {
            String prefix = objectKey(ResultKeys.jobPrefix(jobId));
            for (var page : s3.listObjectsV2Paginator(b -> b.bucket(settings.bucket()).prefix(prefix))) {
                List<ObjectIdentifier> ids = page.contents().stream().map(S3Object::key)
                        .map(k -> ObjectIdentifier.builder().key(k).build()).toList();
                if (!ids.isEmpty()) {
                    s3.deleteObjects(b -> b.bucket(settings.bucket()).delete(Delete.builder().objects(ids).quiet(true).build()));
                }
            }
        } catch (SdkException e) {
            throw new IOException("Could not delete the files of job " + jobId + " from " + describe() + ": " + e.getMessage(), e);
        }
    }

    private String objectKey(String storageKey) {
        return settings.prefix() + storageKey;
    }

    @Override
    public void close() {
        presigner.close();
        s3.close();
    }

    private static final class Counting extends FilterOutputStream {
        long count;

        Counting(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}
