package dev.longrun.server.contacts.imports;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One problem of an uploaded contacts file, by row and column, as the import preview shows it.
 * An {@code error} row is skipped; a {@code warning} row is imported with the stated change.
 *
 * @param row    the line number in the file (the header is row 1)
 * @param column the column concerned, or null when the whole row is concerned
 */
public record ImportProblem(long row, String column, Severity severity, String message) {

    /** What happens to the row: imported with a change, or skipped. */
    public enum Severity {
        @JsonProperty("warning") WARNING,
        @JsonProperty("error") ERROR
    }

    /** "Row 52: email is missing". */
    public String sentence() {
        return "Row " + row + ": " + message;
    }
}
