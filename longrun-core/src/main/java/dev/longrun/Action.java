package dev.longrun;

import tools.jackson.databind.JsonNode;

/**
 * What a job in {@link JobStatus#NEEDS_ACTION} asks of the user.
 *
 * @param kind    e.g. {@code import_preview}
 * @param message e.g. "842 rows parsed · 3 issues found. Import the 839 valid rows?"
 * @param preview the details the UI shows (counts, problems by row and column)
 */
public record Action(String kind, String message, JsonNode preview) {
}
