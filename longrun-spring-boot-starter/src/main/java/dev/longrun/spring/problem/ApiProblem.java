package dev.longrun.spring.problem;

import java.time.Duration;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * A refusal of an API request, thrown by the starter's controllers and turned into an RFC 9457
 * {@code application/problem+json} answer by {@link ProblemAdvice}. The detail is written for a person.
 */
public class ApiProblem extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final String field;
    private final Duration retryAfter;

    public ApiProblem(HttpStatus status, String code, String detail) {
        this(status, code, detail, null, null);
    }

    private ApiProblem(HttpStatus status, String code, String detail, String field, Duration retryAfter) {
        super(detail, null, false, false);
        this.status = status;
        this.code = code;
        this.field = field;
        this.retryAfter = retryAfter;
    }

    public static ApiProblem badRequest(String code, String detail) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, code, detail);
    }

    /** A request parameter or body field with a bad value; {@code field} is named in the answer. */
    public static ApiProblem invalidField(String field, String detail) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "invalid_request", detail, field, null);
    }

    /** A job's params break one of its type's rules; {@code field} names the parameter, as sent. */
    public static ApiProblem invalidParam(String field, String detail) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "invalid_params", detail, field, null);
    }

    /** The same answer for a job that does not exist and one the caller may not see. */
    public static ApiProblem jobNotFound(UUID id) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "not_found", "No job with id " + id + ".");
    }

    public static ApiProblem forbidden(String code, String detail) {
        return new ApiProblem(HttpStatus.FORBIDDEN, code, detail);
    }

    public static ApiProblem unauthorized(String code, String detail) {
        return new ApiProblem(HttpStatus.UNAUTHORIZED, code, detail);
    }

    public static ApiProblem tooLarge(String detail) {
        return new ApiProblem(HttpStatus.CONTENT_TOO_LARGE, "too_large", detail);
    }

    /** Too many attempts: answered 429 with a Retry-After of {@code retryAfter}. */
    public static ApiProblem tooManyRequests(String code, String detail, Duration retryAfter) {
        return new ApiProblem(HttpStatus.TOO_MANY_REQUESTS, code, detail, null, retryAfter);
    }

    public static ApiProblem unavailable(String detail, Duration retryAfter) {
        return new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "store_unavailable", detail, null, retryAfter);
    }

    public HttpStatus status() { return status; }
    public String code() { return code; }
    /** The request field at fault, or null. */
    public String field() { return field; }
    /** Sent as Retry-After, or null. */
    public Duration retryAfter() { return retryAfter; }

    /** The problem+json answer: status, code, detail, the field at fault and Retry-After when known. */
    public ResponseEntity<ProblemDetail> toResponse() {
        ProblemDetail p = Problems.of(status, code, getMessage());
        if (field != null) {
            p.setProperty("field", field);
        }
        ResponseEntity.BodyBuilder b = ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (retryAfter != null) {
            b.header(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, retryAfter.toSeconds())));
        }
        return b.body(p);
    }
}
