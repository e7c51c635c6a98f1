package dev.longrun.spring.api;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import org.springframework.http.server.PathContainer;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Where Longrun's HTTP API lives inside the host application: under {@code longrun.http.base-path} (default
 * {@code /api}), and only at the paths listed here, so a host's own endpoints under the same prefix (say
 * {@code /api/orders}) keep the host's security and error handling. Controllers map relative to {@link #BASE};
 * the security chain, the problem handlers and the links the API writes ask this class.
 */
public final class ApiPaths {

    /** The base path as a placeholder, for the controllers' class-level {@code @RequestMapping}. */
    public static final String BASE = "${longrun.http.base-path:/api}";

    /** Every path the starter's controllers answer, relative to the base path. A test checks it against the mappings. */
    static final List<String> OWN = List.of("/jobs", "/jobs/**", "/events", "/job-types", "/files/**", "/uploads",
            "/session", "/tokens", "/notifications", "/notifications/**", "/notification-preferences", "/webhooks",
            "/webhooks/**", "/openapi.json");

    /** The packages of the starter's controllers (Longrun's OpenAPI group is made of them). */
    public static final List<String> PACKAGES = List.of("dev.longrun.spring.api", "dev.longrun.spring.files", "dev.longrun.spring.notify",
            "dev.longrun.spring.security", "dev.longrun.spring.sse", "dev.longrun.spring.upload");

    private static final Pattern VALID = Pattern.compile("(/[A-Za-z0-9._~-]+)+");

    private final String base;
    private final List<String> hostPaths;
    private final List<PathPattern> compiled;

    /**
     * @param base      the base path, e.g. {@code /api} or {@code /jobs-api/v1}
     * @param hostPaths the host's own path patterns that Longrun's credentials also guard (its controllers may then
     *                  take a {@code @AuthenticationPrincipal Caller}); empty for most hosts
     */
    public ApiPaths(String base, List<String> hostPaths) {
        if (base == null || !VALID.matcher(base).matches()) {
            throw new IllegalArgumentException("longrun.http.base-path must be a path such as /api or /jobs-api/v1: it starts with "
                    + "'/', has no trailing '/', and uses letters, digits, '.', '_', '~' or '-' (it was '" + base + "').");
        }
        this.base = base;
        this.hostPaths = List.copyOf(hostPaths);
        this.compiled = patterns().stream().map(PathPatternParser.defaultInstance::parse).toList();
    }

    /** The base path, e.g. {@code /api}. */
    public String base() {
        return base;
    }

    /** A path of the API, e.g. {@code path("/jobs/" + id)} is {@code /api/jobs/<id>} (without the servlet context path). */
    public String path(String rest) {
        return base + rest;
    }

    /** The URI of an API path for a {@code Location} header: context path, base path, rest. Call it while handling a request. */
    public URI location(String rest) {
        String context = ServletUriComponentsBuilder.fromCurrentContextPath().build().getPath();
        return URI.create((context == null ? "" : context) + base + rest);
    }

    /** Longrun's own path patterns (absolute), then the host paths that share its security. */
    public List<String> patterns() {
        List<String> all = new ArrayList<>(OWN.size() + hostPaths.size());
        OWN.forEach(p -> all.add(base + p));
        all.addAll(hostPaths);
        return all;
    }

    /** Matches the requests Longrun's security and error handling take care of: see {@link #isLongrun}. */
    public RequestMatcher requestMatcher() {
        return this::isLongrun;
    }

    /**
     * Whether the request goes to one of {@link #patterns()}, or was forwarded from one (the OpenAPI alias forwards to
     * springdoc's own path, which stays Longrun's business, not the host's).
     */
    public boolean isLongrun(HttpServletRequest request) {
        if (matches(request.getRequestURI(), request.getContextPath())) {
            return true;
        }
        return request.getDispatcherType() == DispatcherType.FORWARD
                && request.getAttribute(RequestDispatcher.FORWARD_REQUEST_URI) instanceof String original
                && matches(original, request.getAttribute(RequestDispatcher.FORWARD_CONTEXT_PATH) instanceof String c ? c : "");
    }

    /**
     * Whether a request URI as sent (with the context path) goes to one of {@link #patterns()}; for code that sees
     * only the URI, such as the error dispatch after a {@code sendError}.
     */
    public boolean isLongrunUri(String uri, String contextPath) {
        return uri != null && matches(uri, contextPath);
    }

    private boolean matches(String uri, String contextPath) {
        String path = contextPath != null && uri.startsWith(contextPath) ? uri.substring(contextPath.length()) : uri;
        PathContainer container = PathContainer.parsePath(path);
        for (PathPattern pattern : compiled) {
            if (pattern.matches(container)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a path (without the context path) is the base path or below it, whoever answers it. */
    public boolean isUnderBase(String path) {
        return path.equals(base) || path.startsWith(base + "/");
    }
}
