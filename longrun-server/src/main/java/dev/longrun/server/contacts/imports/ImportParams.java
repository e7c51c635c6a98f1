package dev.longrun.server.contacts.imports;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Params of {@code contacts.import}: the id {@code POST /api/uploads} returned for the CSV file. */
public record ImportParams(@JsonProperty("upload_id") String uploadId) {

    public ImportParams {
        if (uploadId == null || uploadId.isBlank()) {
            throw new IllegalArgumentException("upload_id is required: upload the CSV file with POST /api/uploads first");
        }
    }
}
