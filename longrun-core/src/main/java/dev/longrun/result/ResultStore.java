package dev.longrun.result;

import dev.longrun.ResultFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * Where result files live: a local directory by default ({@link LocalResultStore}), or object storage shared by
 * every node (the {@code longrun-s3} module). Keys are opaque and chosen by the store. A file counts as written
 * only when {@link Upload#close()} returned: a store that cannot keep it throws there, and the job does not
 * succeed.
 */
public interface ResultStore {

    /** Checks at start that files can be written and read (e.g. the bucket exists and answers); throws if not. */
    default void check() throws IOException {
    }

    /** Where files go, for logs and error messages (e.g. {@code s3://bucket/prefix}). */
    String describe();

    /**
     * A URL the browser may fetch the file from directly for {@code ttl} (a presigned GET), with the given download
     * name; empty when this store only streams through the application (local files).
     */
    default Optional<URI> directDownload(ResultFile file, String downloadName, Duration ttl) {
        return Optional.empty();
    }

    /** Opens a new file for a job; the key is returned by {@link Upload#key()}. */
    Upload create(UUID jobId, String filename) throws IOException;

    InputStream open(ResultFile file) throws IOException;

    /**
     * Opens the file {@code offset} bytes in, for a download resumed with a Range request. By default the stream is
     * opened at its start and skipped forward (a local file seeks); a store that can start a read anywhere (S3's
     * ranged GET) overrides it so a resumed download does not read what the browser already has.
     */
    default InputStream open(ResultFile file, long offset) throws IOException {
        InputStream in = open(file);
        try {
            in.skipNBytes(offset);
            return in;
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /** True while the file is kept (retention may have removed it). */
    boolean exists(ResultFile file);

    void delete(String storageKey) throws IOException;

    /** Deletes every file of a job (when its row is deleted). */
    void deleteJobFiles(UUID jobId) throws IOException;

    interface Upload extends AutoCloseable {
        String key();

        OutputStream stream();

        /** Bytes written so far. */
        long size();

        @Override
        void close() throws IOException;
    }
}
