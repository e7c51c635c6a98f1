package dev.longrun.spring.upload;

import dev.longrun.LongrunException;

/**
 * No such upload for this user: never uploaded, expired and deleted, or another user's (all look alike). The API
 * answers it with 400; a job handler should turn it into a {@code PermanentFailure}, since retrying cannot help.
 */
public class UploadNotFoundException extends LongrunException {
    public UploadNotFoundException(String uploadId) {
        super("upload_not_found", "No upload with id '" + (uploadId == null ? "" : uploadId.length() > 80 ? uploadId.substring(0, 80) + "…" : uploadId)
                + "' (uploads are deleted some time after they are made). Upload the file again.");
    }
}
