package dev.longrun.spring.problem;

import dev.longrun.LongrunException;
import dev.longrun.spring.api.ApiPaths;
import jakarta.servlet.http.HttpServletRequest;
import java.sql.SQLException;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;

/**
 * Turns every refusal of a request to Longrun's endpoints ({@link ApiPaths}) into RFC 9457
 * {@code application/problem+json} with a detail a person can act on; never a stack trace or an HTML page. So do
 * unknown paths under the base path and {@link ApiProblem}s a host controller there throws. The host's other requests
 * are left to its own handling (the exception is rethrown, which hands it to the next resolver).
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ProblemAdvice {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    private final ApiPaths paths;

    public ProblemAdvice(ApiPaths paths) {
        this.paths = paths;
    }

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<ProblemDetail> apiProblem(ApiProblem e, HttpServletRequest req) throws Exception {
        onlyApi(e, req);
        return e.toResponse();
    }

    @ExceptionHandler(LongrunException.class)
    ResponseEntity<ProblemDetail> longrun(LongrunException e, HttpServletRequest req) throws Exception {
        onlyApi(e, req);
        if ("store_error".equals(e.code())) {
            return unexpected(e, req); // a failed statement is our bug, and its text is not for clients
        }
        HttpStatus status = switch (e.code()) {
            case "unknown_type", "invalid_params", "invalid_request", "upload_not_found" -> HttpStatus.BAD_REQUEST;
            case "not_found" -> HttpStatus.NOT_FOUND;
            case "idempotency_key_reused" -> HttpStatus.UNPROCESSABLE_CONTENT;
            case "conflict", "idempotency_key_job_removed" -> HttpStatus.CONFLICT;
            case "store_unavailable" -> HttpStatus.SERVICE_UNAVAILABLE;
            default -> HttpStatus.BAD_REQUEST;
        };
        if (status == HttpStatus.SERVICE_UNAVAILABLE) {
            log.warn("Job database unavailable: {}", e.getCause() != null ? e.getCause().toString() : e.getMessage());
            return apiProblem(ApiProblem.unavailable(e.getMessage(), java.time.Duration.ofSeconds(5)), req);
        }
        ResponseEntity<ProblemDetail> answer = Problems.response(status, e.code(), e.getMessage());
        if (e.field() != null) {
            answer.getBody().setProperty("field", e.field());
        }
        return answer;
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e, HttpServletRequest req) throws Exception {
        onlyApi(e, req);
        BodyTooLargeException tooLarge = find(e, BodyTooLargeException.class);
        if (tooLarge != null) {
            return Problems.response(HttpStatus.CONTENT_TOO_LARGE, "too_large", tooLarge.getMessage());
        }
        ResponseEntity<ProblemDetail> broken = BrokenBodies.answer(e);
        if (broken != null) {
            return broken;
        }
        JacksonException json = find(e, JacksonException.class);
        String detail;
        if (json == null) {
            detail = "The request needs a JSON body, e.g. {\"type\": \"invoices.export\", \"params\": {}}.";
        } else {
            String where = json.getLocation() != null && json.getLocation().getLineNr() > 0
                    ? " (line " + json.getLocation().getLineNr() + ", column " + json.getLocation().getColumnNr() + ")" : "";
            String path = json.getPath() == null || json.getPath().isEmpty() ? "" : " at '" + json.getPath().stream()
                    .map(r -> r.getPropertyName() != null ? r.getPropertyName() : String.valueOf(r.getIndex()))
                    .collect(Collectors.joining(".")) + "'";
            detail = "The request body is not valid JSON" + path + where + ": " + firstLine(json.getOriginalMessage());
        }
        return Problems.response(HttpStatus.BAD_REQUEST, "malformed_json", detail);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> unsupported(HttpMediaTypeNotSupportedException e, HttpServletRequest req) throws Exception {
        onlyApi(e, req);
        String supported = e.getSupportedMediaTypes().stream().map(MediaType::toString).distinct().collect(Collectors.joining(", "));
        String sent = req.getContentType();
        if (e.getContentType() == null && sent != null) {
            // Spring could not parse it (or knows no such charset), so it names none: say what came
            return Problems.response(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type", "Content-Type '" + printable(sent)
                    + "' could not be read (it is not a media type such as application/json, or names a character set this server does "
                    + "not know); send " + (supported.isEmpty() ? "application/json" : supported) + ".");
        }
        return Problems.response(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type",
                "Content-Type " + (e.getContentType() == null ? "(none)" : e.getContentType()) + " is not accepted here; send " + supported + ".");
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ProblemDetail> notAcceptable(HttpMediaTypeNotAcceptableException e, HttpServletRequest req) throws Exception {
        onlyApi(e, req);
        if (e.getSupportedMediaTypes().isEmpty()) {
            // Spring could not parse the Accept header, so no type was compared with it
            return Problems.response(HttpStatus.BAD_REQUEST, "invalid_header", "The Accept header '" + printable(req.getHeader(HttpHeaders.ACCEPT))
                    + "' could not be read (media types such as application/json, separated by commas, each with an optional q from 0 "
                    + "to 1). Send Accept: application/json, or leave it out.");
        }
        String supported = e.getSupportedMediaTypes().stream().map(MediaType::toString).distinct().collect(Collectors.joining(", "));
        return Problems.response(HttpStatus.NOT_ACCEPTABLE, "not_acceptable", "This resource is available as " + supported + "; change the Accept header.");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e, HttpServletRequest req) throws Exception {
        onlyApi(e, req);
        String allowed = e.getSupportedHttpMethods() == null ? "" : e.getSupportedHttpMethods().stream().map(Object::toString).collect(Collectors.joining(", "));
        return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED).header(HttpHeaders.ALLOW, allowed)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.of(HttpStatus.METHOD_NOT_ALLOWED, "method_not_allowed",
                        e.getMethod() + " is not supported on " + req.getRequestURI() + "; use " + allowed + "."));
    }

    @ExceptionHandler({NoResourceFoundException.class, NoHandlerFoundException.class})
    ResponseEntity<ProblemDetail> noRoute(Exception e, HttpServletRequest req) throws Exception {
        onlyApi(e, req);
        return Problems.response(HttpStatus.NOT_FOUND, "no_such_endpoint",
                "There is no " + req.getMethod() + " " + req.getRequestURI() + ". The API is described at /api/openapi.json.");
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> uploadTooLarge(MaxUploadSizeExceededException e, HttpServletRequest req) throws Exception {
        onlyApi(e, req);
        if (UploadLimit.partHeadersTooLong(e)) {
            return Problems.response(HttpStatus.BAD_REQUEST, "file_name_too_long", "The file name is too long (the headers of an uploaded "
                    + "part, its file name included, may have a few hundred bytes). Rename the file to a shorter name and upload it again.");
        }
        return Problems.response(HttpStatus.CONTENT_TOO_LARGE, "too_large", "The file is larger than the limit of "
                + UploadLimit.describe(req) + ". Split it into smaller files or ask an administrator to raise longrun.uploads.max-size.");
    }

    @ExceptionHandler({MissingServletRequestPartException.class, MultipartException.class})
    ResponseEntity<ProblemDetail> multipart(Exception e, HttpServletRequest req) throws Exception {
        onlyApi(e, req);
        if (find(e, MaxUploadSizeExceededException.class) != null || String.valueOf(e.getMessage()).contains("SizeLimitExceeded")) {
            return uploadTooLarge(new MaxUploadSizeExceededException(-1, e), req);
        }
        if (BrokenBodies.timedOut(e)) {
            return BrokenBodies.answer(e);
        }
        String uploads = req.getContextPath() + paths.path("/uploads");
        if (!uploads.equals(req.getRequestURI())) {
            // Jetty parses the parts before the endpoint is known (Tomcat lets the endpoint refuse the type): say both
            return Problems.response(HttpStatus.BAD_REQUEST, "malformed_multipart", "The multipart/form-data body could not be "
                    + "read (its boundary or parts are malformed). Longrun's endpoints take application/json, except POST "
                    + paths.path("/uploads") + ", which takes one file in a part named 'file'.");
        }
        return Problems.response(HttpStatus.BAD_REQUEST, "missing_file",
                "Send one file as multipart/form-data in a part named 'file'.");
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missingParam(MissingServletRequestParameterException e, HttpServletRequest req) throws Exception {
        onlyApi(e, req);
        return apiProblem(ApiProblem.invalidField(e.getParameterName(), "The query parameter '" + e.getParameterName() + "' is required."), req);
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<ProblemDetail> missingHeader(MissingRequestHeaderException e, HttpServletRequest req) throws Exception {
        onlyApi(e, req);
        return Problems.response(HttpStatus.BAD_REQUEST, "missing_header", "The header '" + e.getHeaderName() + "' is required.");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> mismatch(MethodArgumentTypeMismatchException e, HttpServletRequest req) throws Exception {
        onlyApi(e, req);
        String expected = e.getRequiredType() == UUID.class ? "a job id (a UUID such as 3f2b6c1e-8a4d-4f0e-9b7a-2c5d8e1f0a3b)"
                : e.getRequiredType() == null ? "another value" : "a " + e.getRequiredType().getSimpleName().toLowerCase(Locale.ROOT);
        String value = String.valueOf(e.getValue());
        if (value.length() > 60) {
            value = value.substring(0, 60) + "…";
        }
        return apiProblem(ApiProblem.invalidField(e.getName(), "'" + value + "' is not " + expected + " (" + e.getName() + ")."), req);
    }

    @ExceptionHandler({DataAccessResourceFailureException.class, SQLException.class, org.springframework.jdbc.CannotGetJdbcConnectionException.class})
    ResponseEntity<ProblemDetail> database(Exception e, HttpServletRequest req) throws Exception {
        onlyApi(e, req);
        log.warn("Database unavailable while serving {} {}: {}", req.getMethod(), req.getRequestURI(), e.toString());
        return apiProblem(ApiProblem.unavailable("The job database cannot be reached right now; nothing was changed. Try again in a moment.",
                java.time.Duration.ofSeconds(5)), req);
    }

    @ExceptionHandler(org.springframework.security.web.firewall.RequestRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(Exception e, HttpServletRequest req) throws Exception {
        onlyApi(e, req);
        return Problems.response(HttpStatus.BAD_REQUEST, "request_rejected", "The request has characters that are not allowed in its "
                + "address or headers (such as control characters); send printable characters only.");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest req, jakarta.servlet.http.HttpServletResponse res) throws Exception {
        onlyApi(e, req);
        if (ClientGone.is(e, res)) {
            log.debug("Client went away during {} {}: {}", req.getMethod(), req.getRequestURI(), e.toString());
            return null; // a closed connection or event stream is normal, and there is nobody left to answer
        }
        return unexpected(e, req);
    }

    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest req) throws Exception {
        onlyApi(e, req);
        if (e instanceof org.springframework.web.context.request.async.AsyncRequestNotUsableException
                || e instanceof org.springframework.web.context.request.async.AsyncRequestTimeoutException) {
            throw e; // a closed event stream: nothing to answer
        }
        if (e instanceof org.springframework.security.access.AccessDeniedException
                || e instanceof org.springframework.security.core.AuthenticationException) {
            throw e; // method security in the host application: Spring Security answers it (401/403 problems)
        }
        if (e instanceof org.springframework.web.ErrorResponse er) {
            return Problems.response(er.getStatusCode(), "invalid_request", er.getBody().getDetail());
        }
        String ref = UUID.randomUUID().toString().substring(0, 8);
        log.error("Unexpected error {} on {} {}", ref, req.getMethod(), req.getRequestURI(), e);
        return Problems.response(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error",
                "Something failed on our side while handling this request (reference " + ref + "). Nothing you sent was wrong; try again, and quote the reference if it keeps happening.");
    }

    private void onlyApi(Exception e, HttpServletRequest req) throws Exception {
        if (paths.isLongrun(req)) {
            return;
        }
        boolean ours = e instanceof NoResourceFoundException || e instanceof NoHandlerFoundException || e instanceof ApiProblem
                || e instanceof LongrunException;
        if (!ours || !paths.isUnderBase(req.getRequestURI().substring(req.getContextPath().length()))) {
            throw e;
        }
    }

    private static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    /** A header value as sent, cut to 100 characters, for a detail (control characters never reach here: MalformedRequestFilter). */
    private static String printable(String value) {
        String v = String.valueOf(value);
        return v.length() > 100 ? v.substring(0, 100) + "…" : v;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        int nl = s.indexOf('\n');
        // Jackson names Java types with their packages (`java.lang.Long`); the simple name says enough. Its limits
        // name the setting that holds them (", from `StreamReadConstraints.getMaxNestingDepth()`"), which is ours, not
        // the sender's.
        return (nl < 0 ? s : s.substring(0, nl))
                .replaceAll(", from `[^`]*`", "")
                .replaceAll("`(?:[\\w$]+\\.)+([\\w$]+)`", "`$1`");
    }
}
