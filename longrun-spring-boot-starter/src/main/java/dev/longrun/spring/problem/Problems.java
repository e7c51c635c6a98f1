package dev.longrun.spring.problem;

import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds RFC 9457 problem bodies the same way for controllers ({@link ProblemAdvice}) and for filters that answer
 * before Spring MVC runs (authentication, body limits), so every refusal looks alike.
 */
public final class Problems {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Problems() {
    }

    public static ProblemDetail of(HttpStatusCode status, String code, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        HttpStatus known = HttpStatus.resolve(status.value());
        p.setTitle(known != null ? known.getReasonPhrase() : "Error");
        p.setType(URI.create("https://longrun.dev/problems/" + code.replace('_', '-')));
        p.setProperty("code", code);
        return p;
    }

    public static ResponseEntity<ProblemDetail> response(HttpStatusCode status, String code, String detail) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(of(status, code, detail));
    }

    /** Serialises a problem for code that writes the servlet response itself. */
    public static byte[] toJson(ProblemDetail p, String instance) {
        ObjectNode node = JSON.createObjectNode();
        node.put("type", String.valueOf(p.getType()));
        node.put("title", p.getTitle());
        node.put("status", p.getStatus());
        node.put("detail", p.getDetail());
        if (instance != null) {
            node.put("instance", instance);
        }
        if (p.getProperties() != null) {
            p.getProperties().forEach((k, v) -> node.putPOJO(k, v));
        }
        return JSON.writeValueAsBytes(node);
    }

    public static void write(jakarta.servlet.http.HttpServletResponse response, HttpStatus status, String code, String detail,
                             String instance) throws java.io.IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        if (status == HttpStatus.UNAUTHORIZED) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"longrun\"");
        }
        byte[] body = toJson(of(status, code, detail), instance);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
