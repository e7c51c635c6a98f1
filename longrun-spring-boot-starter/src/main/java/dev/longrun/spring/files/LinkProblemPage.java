package dev.longrun.spring.files;

import dev.longrun.spring.problem.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.HtmlUtils;

/**
 * A download link opened in a browser tab that cannot be served (changed, expired, someone else's, file no longer
 * kept) answers with a page a person can read, not with problem+json text. Programs asking for JSON still get the
 * problem; the status code is the same either way.
 */
final class LinkProblemPage {

    private LinkProblemPage() {
    }

    /** A browser navigating to the link asks for HTML by name; fetch() and API clients ask for JSON or anything. */
    static boolean wanted(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return accept != null && accept.contains("text/html") && !accept.contains("json");
    }

    static ResponseEntity<String> render(ApiProblem problem) {
        String title = switch (problem.code()) {
            case "link_expired" -> "This download link has expired";
            case "result_deleted" -> "This file is no longer kept";
            case "result_store_unavailable" -> "The file cannot be reached right now";
            default -> "This download link does not work";
        };
        // The link's own refusals already say what to do; "no such job" (also someone else's job) does not.
        String next = "not_found".equals(problem.code())
                ? "Open the job from your jobs list while signed in as the person who started it, and download from there." : "";
        String html = """
                <!doctype html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%1$s</title>
                <link rel="icon" href="data:,">
                <link rel="stylesheet" href="/longrun/longrun.css">
                </head>
                <body class="lr-notice-page">
                <main class="lr-notice">
                <h1>%1$s</h1>
                <p>%2$s</p>
                %3$s
                <p><a class="lr-button lr-primary" href="/">Open your jobs</a></p>
                </main>
                </body>
                </html>
                """.formatted(HtmlUtils.htmlEscape(title), HtmlUtils.htmlEscape(problem.getMessage()), next.isEmpty() ? "" : "<p>" + HtmlUtils.htmlEscape(next) + "</p>");
        return ResponseEntity.status(problem.status()).contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore()).body(html);
    }
}
