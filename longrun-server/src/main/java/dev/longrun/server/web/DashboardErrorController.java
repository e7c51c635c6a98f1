package dev.longrun.server.web;

import dev.longrun.spring.problem.Problems;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.webmvc.autoconfigure.error.BasicErrorController;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Spring Boot's error controller, answering programs refused outside the API (an address that does not exist, a method
 * a page does not take, a range past the end of a file, a path the firewall refuses) with a problem like the API's. They
 * got Spring Boot's own JSON ({@code {"timestamp", "status": 404, "error": "Not Found", "path"}}), with nothing to act
 * on. Browsers still get the pages in {@code static/error}; the API's own refusals never come here.
 */
class DashboardErrorController extends BasicErrorController {

    DashboardErrorController(ErrorAttributes attributes, WebProperties web, List<ErrorViewResolver> pages) {
        super(attributes, web.getError(), pages);
    }

    @Override
    @RequestMapping
    public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
        HttpStatus status = getStatus(request);
        if (status == HttpStatus.NO_CONTENT) {
            return new ResponseEntity<>(status);
        }
        String path = String.valueOf(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI));
        ProblemDetail p = Problems.of(status, code(status), detail(status, path));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", String.valueOf(p.getType()));
        body.put("title", p.getTitle());
        body.put("status", p.getStatus());
        body.put("detail", p.getDetail());
        body.put("instance", path);
        body.putAll(p.getProperties());
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }

    /** The codes the API gives the same refusals. */
    private static String code(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "not_found";
            case METHOD_NOT_ALLOWED -> "method_not_allowed";
            case REQUESTED_RANGE_NOT_SATISFIABLE -> "range_not_satisfiable";
            default -> status.is5xxServerError() ? "internal_error" : "request_rejected";
        };
    }

    private static String detail(HttpStatus status, String path) {
        return switch (status) {
            case NOT_FOUND -> "There is no page at " + path + ". The dashboard starts at /; the API is under /api (see /api/openapi.json).";
            case METHOD_NOT_ALLOWED -> "The dashboard's pages and files are read with GET; the API is under /api.";
            case BAD_REQUEST -> "The address could not be read (it has '..', ';', an encoded slash or a broken percent-escape). Check the link.";
            case REQUESTED_RANGE_NOT_SATISFIABLE -> "The requested range lies outside the file; ask for the whole file without a Range header.";
            default -> status.is5xxServerError()
                    ? "Something failed on our side while handling this request. Nothing you sent was wrong; try again."
                    : "The request was refused (HTTP " + status.value() + " " + status.getReasonPhrase() + ").";
        };
    }

    /** Takes the place of Spring Boot's controller, which is made only when no other error controller is declared. */
    @Configuration(proxyBeanMethods = false)
    static class Registration {
        @Bean
        DashboardErrorController longrunDashboardErrorController(ErrorAttributes attributes, WebProperties web,
                                                                 ObjectProvider<ErrorViewResolver> pages) {
            return new DashboardErrorController(attributes, web, pages.orderedStream().toList());
        }
    }
}
