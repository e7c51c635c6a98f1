package dev.longrun.server.contacts.imports;

import dev.longrun.spring.upload.UploadNotFoundException;
import dev.longrun.spring.upload.UploadStore;
import java.util.Optional;

/** Reads imports from the starter's {@link UploadStore} ({@code POST /api/uploads}); an upload is found only by its owner. */
public final class StarterImportUploads implements ImportUploads {

    private final UploadStore store;

    public StarterImportUploads(UploadStore store) {
        this.store = store;
    }

    @Override
    public Optional<ImportUploads.Upload> find(String uploadId, String accountId, String userId) {
        try {
            dev.longrun.spring.upload.Upload upload = store.find(uploadId, accountId, userId);
            return Optional.of(new ImportUploads.Upload(upload.filename(), upload.sizeBytes(),
                    () -> store.open(uploadId, accountId, userId)));
        } catch (UploadNotFoundException e) {
            return Optional.empty();
        }
    }
}
