package dev.longrun.spring.files;

import dev.longrun.spring.api.ApiPaths;
import org.springframework.web.bind.annotation.RequestMapping;
import dev.longrun.Job;
import dev.longrun.Longrun;
import dev.longrun.ResultFile;
import dev.longrun.spring.config.LongrunProperties;
import dev.longrun.spring.problem.ApiProblem;
import dev.longrun.spring.security.Caller;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/files/{token}}: a job's result file for whoever holds a valid signed link. The link (job, owner,
 * expiry) is always checked here first; a signed-in caller who is not the job's user gets 404 even with the link. Then
 * the file is streamed with Content-Disposition and Content-Length, or, with {@code longrun.results.download=redirect}
 * and a store that can presign (S3), the browser is sent to a presigned URL valid for {@code longrun.results.presign-ttl}.
 */
@RestController
@RequestMapping(ApiPaths.BASE)
public class FilesController {

    private final Longrun longrun;
    private final ResultLinks links;
    private final LongrunProperties.Results settings;

    public FilesController(Longrun longrun, ResultLinks links, LongrunProperties properties) {
        this.longrun = longrun;
        this.links = links;
        this.settings = properties.getResults();
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
        if (file == null || !kept(file)) {
            throw new ApiProblem(HttpStatus.GONE, "result_deleted", "The result file of job " + job.id()
                    + " is no longer kept (result files are deleted some time after the job ends, or when it is cleared). Run the job again to get a new file.");
        }
        Optional<URI> direct = settings.getDownload() == LongrunProperties.DownloadMode.REDIRECT
                ? longrun.results().directDownload(file, DownloadNames.safe(file.filename()), settings.getPresignTtl())
                : Optional.empty();
        if (direct.isPresent()) {
            return ResponseEntity.status(HttpStatus.FOUND).location(direct.get())
                    .cacheControl(CacheControl.noStore().cachePrivate()).build();
        }
        return ResponseEntity.ok()
                .contentType(mediaType(file.contentType()))
                .contentLength(file.sizeBytes())
                .cacheControl(CacheControl.noStore().cachePrivate())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(DownloadNames.safe(file.filename()), StandardCharsets.UTF_8).build().toString())
                .body(new InputStreamResource(longrun.results().open(file)));
    }

    /** A refused link opened in a browser tab gets a readable page; programs get problem+json as everywhere. */
    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<?> refused(ApiProblem e, HttpServletRequest request) {
        return LinkProblemPage.wanted(request) ? LinkProblemPage.render(e) : e.toResponse();
    }

    private boolean kept(ResultFile file) {
        try {
            return longrun.results().exists(file);
        } catch (UncheckedIOException e) {
            throw new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "result_store_unavailable",
                    "The result file cannot be reached right now (the file store does not answer). Try the link again in a moment.");
        }
    }

    private static MediaType mediaType(String value) {
        try {
            return value == null ? MediaType.APPLICATION_OCTET_STREAM : MediaType.parseMediaType(value);
        } catch (IllegalArgumentException e) {
            return MediaType.APPLICATION_OCTET_STREAM;
        }
    }
}
