package dev.longrun.spring.files;

import dev.longrun.spring.api.ApiPaths;
import org.springframework.web.bind.annotation.RequestMapping;
import dev.longrun.Job;
import dev.longrun.Longrun;
import dev.longrun.ResultFile;
import dev.longrun.spring.problem.ApiProblem;
import dev.longrun.spring.security.Caller;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/files/{token}}: streams a job's result file to whoever holds a valid signed link, with
 * Content-Disposition and Content-Length. A signed-in caller who is not the job's user gets 404 even with the link.
 */
@RestController
@RequestMapping(ApiPaths.BASE)
public class FilesController {

    private final Longrun longrun;
    private final ResultLinks links;

    public FilesController(Longrun longrun, ResultLinks links) {
        this.longrun = longrun;
        this.links = links;
    }

    @GetMapping("/files/{token}")
    public ResponseEntity<InputStreamResource> download(@PathVariable String token, @AuthenticationPrincipal Caller caller) throws IOException {
        ResultLinks.Grant grant = links.verify(token);
        Job job = longrun.get(grant.jobId()).orElseThrow(() -> ApiProblem.jobNotFound(grant.jobId()));
        boolean linkMatchesJob = job.accountId().equals(grant.accountId()) && job.userId().equals(grant.userId());
        boolean callerMayRead = caller == null || !caller.actsForUser() || caller.owns(job.accountId(), job.userId(), job.id());
        if (!linkMatchesJob || !callerMayRead) {
            throw ApiProblem.jobNotFound(grant.jobId());
        }
        ResultFile file = job.result() == null ? null : job.result().file();
        if (file == null || !longrun.results().exists(file)) {
            throw new ApiProblem(HttpStatus.GONE, "result_deleted", "The result file of job " + job.id()
                    + " is no longer kept (result files are deleted some time after the job ends, or when it is cleared). Run the job again to get a new file.");
        }
        return ResponseEntity.ok()
                .contentType(mediaType(file.contentType()))
                .contentLength(file.sizeBytes())
                .cacheControl(CacheControl.noStore().cachePrivate())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(DownloadNames.safe(file.filename()), StandardCharsets.UTF_8).build().toString())
                .body(new InputStreamResource(longrun.results().open(file)));
    }

    private static MediaType mediaType(String value) {
        try {
            return value == null ? MediaType.APPLICATION_OCTET_STREAM : MediaType.parseMediaType(value);
        } catch (IllegalArgumentException e) {
            return MediaType.APPLICATION_OCTET_STREAM;
        }
    }
}
