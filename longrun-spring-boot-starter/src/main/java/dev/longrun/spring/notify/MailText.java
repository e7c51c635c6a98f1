package dev.longrun.spring.notify;

import dev.longrun.notify.Notification;
import org.springframework.web.util.HtmlUtils;

/**
 * The email of a notification, in plain text and HTML: subject "Export contacts is ready — 48,291 rows, 12.4 MB",
 * the body the inbox shows, and a link to the job page. Built only from the notification's own text (no params,
 * no result data, no tokens): the download itself is behind the job page's sign-in.
 */
record MailText(String subject, String text, String html) {

    static MailText of(Notification n, String baseUrl) {
        String link = link(baseUrl, n.link() == null ? "/jobs/" + n.jobId() : n.link());
        String body = n.body() == null ? "" : n.body();
        String firstClause = body.contains(". ") ? body.substring(0, body.indexOf(". ")) : body.replaceAll("\\.$", "");
        String subject = firstClause.isBlank() || firstClause.length() > 60 ? n.title() : n.title() + " — " + firstClause;
        String text = n.title() + "\n\n" + body + "\n\nOpen the job: " + link + "\n\n"
                + "You get this email because a job you started finished. Choose which jobs email you under Notification settings.\n";
        String html = "<!doctype html><html><body style=\"font-family:system-ui,sans-serif;line-height:1.5\">"
                + "<h1 style=\"font-size:1.2em\">" + HtmlUtils.htmlEscape(n.title()) + "</h1>"
                + "<p>" + HtmlUtils.htmlEscape(body) + "</p>"
                + "<p><a href=\"" + HtmlUtils.htmlEscape(link) + "\">Open the job</a></p>"
                + "<p style=\"color:#666;font-size:.9em\">You get this email because a job you started finished. "
                + "Choose which jobs email you under Notification settings.</p></body></html>";
        return new MailText(subject, text, html);
    }

    static String link(String baseUrl, String path) {
        if (baseUrl == null || baseUrl.isBlank()) {
            return path;
        }
        return baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) + path : baseUrl + path;
    }
}
