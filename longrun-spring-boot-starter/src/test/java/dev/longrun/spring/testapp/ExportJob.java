package dev.longrun.spring.testapp;

import dev.longrun.JobContext;
import dev.longrun.JobHandler;
import dev.longrun.JobResult;
import dev.longrun.ResultFile;
import dev.longrun.spring.LongrunJob;
import java.nio.charset.StandardCharsets;

/** Writes a CSV of {@code rows} rows as the result file: a handler class named by its annotation. */
@LongrunJob(value = "test.export", label = "Export test rows", cancelEffect = "The partial file will be deleted.")
public class ExportJob implements JobHandler<ExportJob.Params> {

    public record Params(int rows) {
    }

    @Override
    public JobResult run(JobContext<Params> ctx) throws Exception {
        int rows = ctx.params().rows();
        ResultFile file = ctx.resultFile("contacts export.csv", "text/csv", out -> {
            out.write("name,email\n".getBytes(StandardCharsets.UTF_8));
            for (int i = 1; i <= rows; i++) {
                out.write(("Person " + i + ",p" + i + "@example.com\n").getBytes(StandardCharsets.UTF_8));
                ctx.progress(i, rows, "Exporting row " + i + " of " + rows);
            }
            return (long) rows;
        });
        return JobResult.file(file, rows + " rows exported");
    }
}
