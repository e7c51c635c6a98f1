package dev.longrun.server.contacts.imports;

import dev.longrun.LongrunException;
import dev.longrun.ParamsCheck;
import dev.longrun.server.NumberWords;
import java.time.Duration;

/**
 * Refuses to start an import whose {@code upload_id} names no upload of the starting user: never uploaded, another
 * user's, expired, or not an id at all ({@code ../../x}). All look alike, so the answer reveals nothing of other users'
 * uploads. An upload that expires after the start still fails the job when it runs (see {@link ContactImportHandler}).
 */
public final class UploadIdCheck implements ParamsCheck<ImportParams> {

    private final ImportUploads uploads;
    private final Duration kept;

    /** @param kept how long an upload is kept ({@code longrun.uploads.ttl}), for the detail */
    public UploadIdCheck(ImportUploads uploads, Duration kept) {
        this.uploads = uploads;
        this.kept = kept;
    }

    @Override
    public void check(ImportParams params, String accountId, String userId) {
        if (uploads.find(params.uploadId(), accountId, userId).isEmpty()) {
            throw LongrunException.invalidParam("upload_id", "No upload of yours has the id '" + shown(params.uploadId())
                    + "'. Upload the CSV file first with POST /api/uploads and send the upload_id it returns; uploads are kept for "
                    + keptFor() + ", so an older one must be uploaded again.");
        }
    }

    private String keptFor() {
        return kept.toMinutes() % 60 == 0 ? NumberWords.count(kept.toHours(), "hour") : NumberWords.count(kept.toMinutes(), "minute");
    }

    /** The id as sent, short and printable: it is quoted back to a person. */
    private static String shown(String id) {
        String printable = id.replaceAll("\\p{Cntrl}", "?");
        return printable.length() > 40 ? printable.substring(0, 40) + "…" : printable;
    }
}
