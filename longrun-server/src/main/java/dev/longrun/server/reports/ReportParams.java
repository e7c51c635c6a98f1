package dev.longrun.server.reports;

/**
 * Params of {@code reports.generate}: an optional title. To base the report on an export, start it with
 * {@code depends_on} set to the export job: it then waits ("Waiting for export to finish") and cites it.
 */
public record ReportParams(String title) {

    public ReportParams {
        if (title != null && title.length() > 200) {
            throw new IllegalArgumentException("title must be at most 200 characters");
        }
    }

    String effectiveTitle() {
        return title == null || title.isBlank() ? "Contacts report" : title.strip();
    }
}
