package dev.longrun.spring.problem;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses API requests whose query string or headers cannot be read, before anything else looks at them: a
 * percent-escape that is not two hex digits ({@code ?x=%zz}) or not UTF-8 ({@code ?limit=%e9}), a header value with
 * control characters (bytes 0x00–0x1F, 0x7F–0x9F, e.g. in {@code If-None-Match}), a header that names one thing
 * ({@link #SINGLE}) sent more than once. Without it Tomcat and Spring
 * Security would fail such requests deep inside a controller (a 500) or in the authentication filter (a page in
 * Spring Boot's default format). Registered by the web auto-configuration for the API's paths only.
 */
public final class MalformedRequestFilter extends OncePerRequestFilter {

    /**
     * Headers that name one thing. Sent twice, the first used to win silently: behind a proxy that appends its own
     * {@code X-Longrun-User} after one the browser sent, the browser's choice; two {@code Idempotency-Key}s became one key
     * "a,b". Which one the sender meant cannot be known, so the request is refused.
     */
    static final List<String> SINGLE = List.of("X-Longrun-Api-Key", "X-Longrun-User", "X-Longrun-Account", "Authorization",
            "Idempotency-Key", "Last-Event-ID", "Content-Type");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String refusal = badQuery(request.getQueryString());
        String code = "malformed_query";
        if (refusal == null) {
            refusal = badHeader(request);
            code = "invalid_header";
        }
        if (refusal == null) {
            refusal = repeatedHeader(request);
        }
        if (refusal != null) {
            Problems.write(response, HttpStatus.BAD_REQUEST, code, refusal, null);
            return;
        }
        chain.doFilter(request, response);
    }

    /** Why the raw query string cannot be decoded, or null when it can. */
    static String badQuery(String query) {
        if (query == null || query.isEmpty()) {
            return null;
        }
        for (String pair : query.split("&", -1)) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String problem = undecodable(pair);
            if (problem != null) {
                return "The query parameter '" + printable(name) + "' is not valid: " + problem
                        + ". Percent-encode the value as UTF-8 (e.g. %C3%A9 for é, %25 for a literal %).";
            }
        }
        return null;
    }

    private static String undecodable(String part) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(part.length());
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (c != '%') {
                bytes.write(c < 0x80 ? c : '?');
                continue;
            }
            if (i + 2 >= part.length() || hex(part.charAt(i + 1)) < 0 || hex(part.charAt(i + 2)) < 0) {
                return "'" + printable(part.substring(i, Math.min(part.length(), i + 3))) + "' is not a percent-escape (% and two hex digits)";
            }
            bytes.write(hex(part.charAt(i + 1)) * 16 + hex(part.charAt(i + 2)));
            i += 2;
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray()));
            return null;
        } catch (CharacterCodingException e) {
            return "its percent-escapes are not UTF-8";
        }
    }

    /** Why a header value cannot be used, or null when all can. */
    static String badHeader(HttpServletRequest request) {
        Enumeration<String> names = request.getHeaderNames();
        while (names != null && names.hasMoreElements()) {
            String name = names.nextElement();
            Enumeration<String> values = request.getHeaders(name);
            while (values.hasMoreElements()) {
                String value = values.nextElement();
                if (value != null && value.chars().anyMatch(c -> c != '\t' && Character.isISOControl(c))) {
                    return "The header '" + printable(name) + "' contains control characters (bytes 0x00-0x1F or 0x7F-0x9F); "
                            + "send printable characters only.";
                }
            }
        }
        return null;
    }

    /** Which header of {@link #SINGLE} was sent more than once, or null when none was. */
    static String repeatedHeader(HttpServletRequest request) {
        for (String name : SINGLE) {
            Enumeration<String> values = request.getHeaders(name);
            int count = 0;
            while (values != null && values.hasMoreElements()) {
                values.nextElement();
                count++;
            }
            if (count > 1) {
                return "The header '" + name + "' was sent " + count + " times; send it once (which one was meant cannot be told).";
            }
        }
        return null;
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }

    private static String printable(String s) {
        String cut = s.length() > 40 ? s.substring(0, 40) + "…" : s;
        return cut.replaceAll("[^\\x20-\\x7e]", "?");
    }
}
