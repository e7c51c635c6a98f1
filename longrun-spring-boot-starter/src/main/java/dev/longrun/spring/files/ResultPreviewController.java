package dev.longrun.spring.files;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.longrun.Job;
import dev.longrun.JobStatus;
import dev.longrun.Longrun;
import dev.longrun.ResultFile;
import dev.longrun.spring.api.ApiPaths;
import dev.longrun.spring.api.JobAccess;
import dev.longrun.spring.problem.ApiProblem;
import dev.longrun.spring.security.Caller;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A look at a finished job's result before downloading it: the first rows of a CSV, or the first page of a PDF as
 * an image. Read from the stored file itself, so the preview is the file the Download gives.
 */
@RestController
@RequestMapping(ApiPaths.BASE)
public class ResultPreviewController {

    static final int ROWS = 10;
    private static final int MAX_CELL = 200;

    private final Longrun longrun;
    private final JobAccess access;
    private final String base;

    public ResultPreviewController(Longrun longrun, JobAccess access, @Value(ApiPaths.BASE) String base) {
        this.longrun = longrun;
        this.access = access;
        this.base = base;
    }

    /** {@code kind}: {@code table} (columns, rows), {@code image} (image_url), or {@code none} with the reason. */
    @GetMapping("/jobs/{id}/result-preview")
    public PreviewView preview(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) throws IOException {
        Job job = access.visible(caller, id);
        ResultFile file = keptFile(job);
        String type = file.contentType() == null ? "" : file.contentType().toLowerCase(Locale.ROOT);
        if (type.contains("csv")) {
            try (InputStream in = longrun.results().open(file)) {
                return table(in, file.rowCount());
            }
        }
        if (type.contains("pdf") && PdfFirstPage.available()) {
            return new PreviewView("image", null, null, file.rowCount(), base + "/jobs/" + id + "/result-preview.png", null);
        }
        return new PreviewView("none", null, null, file.rowCount(), null, "No preview for this kind of file; download it to open it.");
    }

    @GetMapping("/jobs/{id}/result-preview.png")
    public ResponseEntity<byte[]> firstPage(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) throws IOException {
        Job job = access.visible(caller, id);
        ResultFile file = keptFile(job);
        if (file.contentType() == null || !file.contentType().toLowerCase(Locale.ROOT).contains("pdf") || !PdfFirstPage.available()) {
            throw new ApiProblem(HttpStatus.NOT_FOUND, "no_page_image", "The result of job " + id + " is not a PDF, so it has no page image.");
        }
        try (InputStream in = longrun.results().open(file)) {
            return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG)
                    .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePrivate()).body(PdfFirstPage.png(in));
        }
    }

    private ResultFile keptFile(Job job) {
        ResultFile file = job.result() == null ? null : job.result().file();
        if (job.status() != JobStatus.SUCCEEDED || file == null) {
            throw new ApiProblem(HttpStatus.CONFLICT, "no_result", "Job " + job.id() + " has no result file to preview"
                    + (job.isTerminal() ? "." : " yet. Ask again when it has completed."));
        }
        if (!longrun.results().exists(file)) {
            throw new ApiProblem(HttpStatus.GONE, "result_deleted", "The result file of job " + job.id()
                    + " is no longer kept. Run the job again to get a new file.");
        }
        return file;
    }

    private static PreviewView table(InputStream in, Long totalRows) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        List<String> columns = null;
        List<List<String>> rows = new ArrayList<>();
        try (CsvReader<CsvRecord> csv = CsvReader.builder().ofCsvRecord(reader)) {
            for (CsvRecord record : csv) {
                List<String> cells = record.getFields().stream().map(ResultPreviewController::cell).toList();
                if (columns == null) {
                    columns = cells.isEmpty() ? cells : withoutBom(cells);
                } else if (rows.size() < ROWS) {
                    rows.add(cells);
                } else {
                    break;
                }
            }
        }
        return new PreviewView("table", columns == null ? List.of() : columns, rows, totalRows, null, null);
    }

    private static List<String> withoutBom(List<String> header) {
        List<String> out = new ArrayList<>(header);
        out.set(0, out.get(0).replace("\uFEFF", ""));
        return out;
    }

    private static String cell(String value) {
        return value.length() <= MAX_CELL ? value : value.substring(0, MAX_CELL) + "…";
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record PreviewView(String kind, List<String> columns, List<List<String>> rows, Long totalRows, String imageUrl,
                              String reason) {
    }
}
