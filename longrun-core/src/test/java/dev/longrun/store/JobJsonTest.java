package dev.longrun.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.longrun.Action;
import dev.longrun.JobResult;
import dev.longrun.ResultFile;
import dev.longrun.Summary;
import org.junit.jupiter.api.Test;

class JobJsonTest {

    private final JobJson json = new JobJson();

    @Test
    void resultsAreWrittenWithSnakeCaseNamesAndReadBackEqual() {
        JobResult result = JobResult.file(new ResultFile("contacts.csv", "text/csv", 2048, 48291L, "results/x"), "48,291 contacts exported")
                .withData(json.readTree("{\"export_id\":7}"));

        String text = json.write(result);

        assertThat(text).contains("\"content_type\":\"text/csv\"", "\"size_bytes\":2048", "\"row_count\":48291", "\"storage_key\":\"results/x\"");
        assertThat(json.readResult(text)).isEqualTo(result);
    }

    @Test
    void absentFieldsStayNullInsteadOfBecomingJsonNull() {
        JobResult result = JobResult.message("Done");
        assertThat(json.write(result)).isEqualTo("{\"message\":\"Done\"}");
        assertThat(json.readResult(json.write(result))).isEqualTo(result);
    }

    @Test
    void summaryAndActionRoundTrip() {
        Summary summary = new Summary(47, 3, 1, 2);
        Action action = new Action("import_preview", "Import the 839 valid rows?", json.readTree("{\"valid_rows\":839,\"problems\":[]}"));

        assertThat(json.readTree(json.write(summary)).propertyNames()).containsExactlyInAnyOrder("succeeded", "failed", "skipped", "warnings");
        assertThat(json.readSummary(json.write(summary))).isEqualTo(summary);
        assertThat(json.readAction(json.write(action))).isEqualTo(action);
        assertThat(json.convert(json.readTree("{\"succeeded\":1,\"failed\":2,\"skipped\":0,\"warnings\":0}"), Summary.class))
                .isEqualTo(new Summary(1, 2, 0, 0));
    }

    @Test
    void nullsAreSqlNulls() {
        assertThat(json.write(null)).isNull();
        assertThat(json.readResult(null)).isNull();
        assertThat(json.readTree(null)).isNull();
    }
}
