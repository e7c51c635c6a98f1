package dev.longrun.server.contacts.imports;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.longrun.server.NumberWords;
import java.util.List;

/**
 * What an import found before it writes anything; the job stops in needs_action with this as
 * {@code action.preview}, so the user decides whether to import the ready rows or fix the file.
 *
 * @param rowsParsed        data rows read (the header not counted)
 * @param ready             rows that will be imported (including those with warnings)
 * @param warnings          ready rows imported with a change (e.g. without their invalid email)
 * @param errors            rows that will be skipped
 * @param problems          the first problems, each by row and column; all of them are in the job's items
 * @param problemsTruncated true when there are more problems than listed here
 */
public record ImportPreview(
        String filename,
        @JsonProperty("rows_parsed") long rowsParsed,
        long ready,
        long warnings,
        long errors,
        List<ImportProblem> problems,
        @JsonProperty("problems_truncated") boolean problemsTruncated) {

    /** "842 rows parsed · 3 issues found. Import the 840 ready rows?" */
    public String question() {
        long issues = warnings + errors;
        String found = issues == 0 ? "no issues found" : NumberWords.count(issues, "row") + " with issues";
        return NumberWords.count(rowsParsed, "row") + " parsed · " + found + ". Import the " + NumberWords.number(ready)
                + (ready == 1 ? " ready row?" : " ready rows?");
    }
}
