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
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRange;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/files/{token}}: a job's result file for whoever holds a valid signed link. The link (job, owner,
 * expiry) is always checked here first; a signed-in caller who is not the job's user gets 404 even with the link. Then
 * the file is streamed with Content-Disposition, Content-Length and a strong ETag, and a Range request is answered
 * with the part asked for (206; 416 problem+json for a range outside the file), so a large download can resume. Or,
 * with {@code longrun.results.download=redirect} and a store that can presign (S3), the browser is sent to a
 * presigned URL valid for {@code longrun.results.presign-ttl}.
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
    public ResponseEntity<?> download(@PathVariable String token, @AuthenticationPrincipal Caller caller,
                                      HttpServletRequest request) throws IOException {
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
                    + " is no longer kept (result files are deleted some time after the job ends). Run the job again to get a new file.");
        }
        Optional<URI> direct = settings.getDownload() == LongrunProperties.DownloadMode.REDIRECT
                ? longrun.results().directDownload(file, DownloadNames.safe(file.filename()), settings.getPresignTtl())
                : Optional.empty();
        if (direct.isPresent()) {
            return ResponseEntity.status(HttpStatus.FOUND).location(direct.get())
                    .cacheControl(CacheControl.noStore().cachePrivate()).build();
        }
        StoredResult body = new StoredResult(longrun.results(), file);
        String etag = etag(file);
        String range = request.getHeader(HttpHeaders.RANGE);
        boolean head = "HEAD".equals(request.getMethod());
        boolean partial = range != null && !head && ifRangeHolds(request, etag);
        if (partial && !satisfiable(range, body)) {
            ResponseEntity<ProblemDetail> problem = new ApiProblem(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE,
                    "range_not_satisfiable", "The Range header asks for bytes this file does not have, or is not in"
                    + " the form bytes=START-END: the file has " + file.sizeBytes() + " bytes"
                    + (file.sizeBytes() > 0 ? " (0 to " + (file.sizeBytes() - 1) + ")" : "")
                    + ". Leave the header out to download the whole file.").toResponse();
            return ResponseEntity.status(problem.getStatusCode()).headers(problem.getHeaders())
                    .header(HttpHeaders.CONTENT_RANGE, "bytes */" + file.sizeBytes()).body(problem.getBody());
        }
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok()
                .contentType(mediaType(file.contentType()))
                .eTag(etag)
                .cacheControl(CacheControl.noStore().cachePrivate())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(DownloadNames.safe(file.filename()), StandardCharsets.UTF_8).build().toString());
        if (head) {
            // What a GET would say, without reading the file: Spring would copy it into a discarded body (from S3, a
            // whole GET), and download managers ask HEAD for the size before they fetch in ranges.
            return ok.contentLength(file.sizeBytes()).header(HttpHeaders.ACCEPT_RANGES, "bytes").build();
        }
        if (range != null && !partial) {
            // A Range for another version of the file (If-Range differs): the whole file, as Spring sends a plain
            // stream, with Accept-Ranges kept so the next attempt may resume.
            return ok.contentLength(file.sizeBytes()).header(HttpHeaders.ACCEPT_RANGES, "bytes")
                    .body(new InputStreamResource(body.getInputStream()));
        }
        // Spring answers a Range itself for a Resource of known length (206, Content-Range, multipart/byteranges).
        return ok.body(body);
    }

    /**
     * A strong validator for resuming: a result file never changes once written (a new run writes a new file under
     * a new key), so its key and size name its content. Hashed, so the key (a path in the store) is not shown.
     */
    static String etag(ResultFile file) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((file.storageKey() + "/" + file.sizeBytes()).getBytes(StandardCharsets.UTF_8));
            return "\"" + HexFormat.of().formatHex(digest, 0, 12) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is in every JDK", e);
        }
    }

    /** If-Range with this file's ETag (or none) lets a Range apply; a date or another ETag asks for the whole file. */
    private static boolean ifRangeHolds(HttpServletRequest request, String etag) {
        String ifRange = request.getHeader(HttpHeaders.IF_RANGE);
        return ifRange == null || ifRange.trim().equals(etag);
    }

    private static boolean satisfiable(String range, StoredResult body) {
        try {
            HttpRange.toResourceRegions(HttpRange.parseRanges(range), body);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
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
