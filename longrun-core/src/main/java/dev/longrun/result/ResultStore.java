package dev.longrun.result;

import dev.longrun.ResultFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.UUID;

/** Where result files live (a local directory by default). Keys are opaque and chosen by the store. */
public interface ResultStore {

    /** Opens a new file for a job; the key is returned by {@link Upload#key()}. */
    Upload create(UUID jobId, String filename) throws IOException;

    InputStream open(ResultFile file) throws IOException;

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
