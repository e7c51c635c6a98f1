package dev.longrun.spring.upload;

import java.time.Instant;

/**
 * A file a user uploaded for a job to read (a CSV to import), owned by that user until {@code expiresAt}.
 * Returned by {@link UploadStore}; job handlers find it by the {@code upload_id} in their params.
 */
public record Upload(String id, String accountId, String userId, String filename, String contentType, long sizeBytes,
                     Instant createdAt, Instant expiresAt) {
}
