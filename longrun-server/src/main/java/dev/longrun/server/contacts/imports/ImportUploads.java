package dev.longrun.server.contacts.imports;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * Where the import reads the uploaded file from: the starter's upload store in the running server
 * (see {@code StarterImportUploads}), a fixture in tests. Uploads belong to one user of one account.
 */
public interface ImportUploads {

    /** The upload, if it exists, belongs to this user and has not expired. */
    Optional<Upload> find(String uploadId, String accountId, String userId);

    /** An uploaded file: its original name, size and a way to read it (each call opens a new stream). */
    record Upload(String filename, long sizeBytes, Opener opener) {
        public InputStream open() throws IOException {
            return opener.open();
        }
    }

    @FunctionalInterface
    interface Opener {
        InputStream open() throws IOException;
    }
}
