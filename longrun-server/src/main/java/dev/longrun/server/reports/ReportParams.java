package dev.longrun.server.reports;

import jakarta.validation.constraints.Size;

/**
 * Params of {@code reports.generate}: an optional title. To base the report on an export, start it with
 * {@code depends_on} set to the export job: it then waits ("Waiting for export to finish") and cites it.
 */
public record ReportParams(@Size(max = 200) String title) {

    String effectiveTitle() {
        return title == null || title.isBlank() ? "Contacts report" : title.strip();
    }
}
