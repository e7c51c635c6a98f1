package dev.longrun.spring.files;

import dev.longrun.spring.api.ApiPaths;
import org.springframework.web.bind.annotation.RequestMapping;
import dev.longrun.Job;
import dev.longrun.Longrun;
import dev.longrun.ResultFile;
import dev.longrun.spring.problem.ApiProblem;
import dev.longrun.spring.security.Caller;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * {@code POST /api/files/zip} with {@code {"job_ids": [...]}}: the caller's result files of those jobs as one zip,
 * written straight to the response. Used by the jobs list's "Download selected results". Jobs of other users are
 * treated exactly like ids that do not exist; jobs without a kept file are named in a {@code MISSING.txt} entry.
 */
@RestController
@RequestMapping(ApiPaths.BASE)
public class ResultsZipController {

    /** More would make one request hold a connection and many files open for minutes. */
    public static final int MAX_JOBS = 100;
    static final String MISSING = "MISSING.txt";

    private final Longrun longrun;

    public ResultsZipController(Longrun longrun) {
        this.longrun = longrun;
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ZipRequest(List<String> jobIds) {
    }

    /** One file to put in the zip, under a name no other entry has. */
    private record Entry(Job job, ResultFile file, String name) {
    }

    @PostMapping(path = "/files/zip", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<StreamingResponseBody> zip(@AuthenticationPrincipal Caller caller, @RequestBody(required = false) ZipRequest request) {
        caller.requireUnscoped("download the results of several jobs");
        Set<UUID> ids = parse(request);
        List<Entry> entries = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        Set<String> taken = new HashSet<>(Set.of(MISSING.toLowerCase(Locale.ROOT)));
        for (UUID id : ids) {
            Job job = longrun.get(id).filter(j -> caller.owns(j.accountId(), j.userId(), j.id())).orElse(null);
            ResultFile file = job == null || job.result() == null ? null : job.result().file();
            if (job == null) {
                missing.add(id + ": no such job.");
            } else if (file == null) {
                missing.add(id + ": this job has no result file (status " + job.status().name().toLowerCase(Locale.ROOT) + ").");
            } else if (!longrun.results().exists(file)) {
                missing.add(id + ": the result file is no longer kept; run the job again to get a new one.");
            } else {
                entries.add(new Entry(job, file, unique(entryName(file.filename()), taken)));
            }
        }
        if (entries.isEmpty()) {
            throw new ApiProblem(HttpStatus.NOT_FOUND, "results_not_found", "None of the " + ids.size()
                    + " selected jobs has a result file to download: " + String.join(" ", missing));
        }
        StreamingResponseBody body = out -> {
            try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
                for (Entry e : entries) {
                    // Opened one at a time so only one file is open while the zip is written.
                    InputStream in;
                    try {
                        in = longrun.results().open(e.file());
                    } catch (IOException gone) {
                        missing.add(e.job().id() + ": the result file was deleted while the zip was being written.");
                        continue;
                    }
                    try (in) {
                        ZipEntry entry = new ZipEntry(e.name());
                        if (e.job().completedAt() != null) {
                            entry.setLastModifiedTime(java.nio.file.attribute.FileTime.from(e.job().completedAt()));
                        }
                        zip.putNextEntry(entry);
                        in.transferTo(zip);
                        zip.closeEntry();
                    }
                }
                if (!missing.isEmpty()) {
                    zip.putNextEntry(new ZipEntry(MISSING));
                    zip.write(("These selected jobs have no file in this zip:\r\n" + String.join("\r\n", missing) + "\r\n")
                            .getBytes(StandardCharsets.UTF_8));
                    zip.closeEntry();
                }
            }
        };
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/zip"))
                .cacheControl(CacheControl.noStore().cachePrivate())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("results.zip").build().toString())
                .body(body);
    }

    private static Set<UUID> parse(ZipRequest request) {
        List<String> raw = request == null ? null : request.jobIds();
        if (raw == null || raw.isEmpty()) {
            throw ApiProblem.invalidField("job_ids", "Send {\"job_ids\": [...]} with the ids of the jobs whose results you want in the zip.");
        }
        if (raw.size() > MAX_JOBS) {
            throw ApiProblem.invalidField("job_ids", "At most " + MAX_JOBS + " jobs fit in one zip; " + raw.size()
                    + " were selected. Download them in smaller groups.");
        }
        Set<UUID> ids = new LinkedHashSet<>();
        for (String s : raw) {
            try {
                ids.add(UUID.fromString(s == null ? "" : s.strip()));
            } catch (IllegalArgumentException e) {
                throw ApiProblem.invalidField("job_ids", "'" + s + "' is not a job id (expected a UUID such as 0192f4c8-…).");
            }
        }
        return ids;
    }

    /** A name every unzip tool accepts as a plain file: no folders, and none of the characters Windows refuses. */
    static String entryName(String filename) {
        return DownloadNames.safe(filename).replaceAll("[:*?<>|]", "_");
    }

    /** "report.csv", then "report (2).csv", "report (3).csv" …, compared without case (Windows and macOS ignore it). */
    static String unique(String name, Set<String> taken) {
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String ext = dot > 0 ? name.substring(dot) : "";
        String candidate = name;
        for (int n = 2; !taken.add(candidate.toLowerCase(Locale.ROOT)); n++) {
            candidate = stem + " (" + n + ")" + ext;
        }
        return candidate;
    }
}
