package dev.longrun;

/**
 * A file a job produced, kept in the result store until retention removes it.
 *
 * @param storageKey where the result store keeps it (opaque to callers)
 * @param rowCount   rows written when the file is tabular; null otherwise
 */
public record ResultFile(String filename, String contentType, long sizeBytes, Long rowCount, String storageKey) {
}
