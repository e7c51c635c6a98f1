package dev.longrun.notify;

import dev.longrun.Job;
import dev.longrun.ResultFile;
import java.time.Instant;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The body a webhook receives. {@code json}: the notification and the job (no params and no result data, which may
 * hold the user's data; the link leads to them). {@code slack}: an incoming-webhook message. {@code teams}: a
 * message card. {@code baseUrl} makes the job link absolute.
 */
final class WebhookPayload {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private WebhookPayload() {
    }

    static String render(WebhookFormat format, Notification n, Job job, String baseUrl) {
        String link = absolute(baseUrl, n.link() == null ? "/jobs/" + n.jobId() : n.link());
        ObjectNode body = JSON.createObjectNode();
        switch (format) {
            case JSON -> json(body, n, job, link);
            case SLACK -> body.put("text", "*" + n.title() + "*\n" + nullToEmpty(n.body()) + "\n<" + link + "|Open the job>");
            case TEAMS -> teams(body, n, link);
        }
        return JSON.writeValueAsString(body);
    }

    private static void json(ObjectNode body, Notification n, Job job, String link) {
        body.put("id", n.id());
        body.put("event", "job." + n.kind().wire());
        body.put("created_at", n.createdAt().toString());
        body.put("title", n.title());
        body.put("body", n.body());
        body.put("link", link);
        ObjectNode j = body.putObject("job");
        j.put("id", n.jobId().toString());
        if (job == null) {
            j.put("status", n.kind().wire());
            return;
        }
        j.put("type", job.type());
        j.put("status", job.status().name().toLowerCase(java.util.Locale.ROOT));
        j.put("account_id", job.accountId());
        j.put("user_id", job.userId());
        j.put("created_at", text(job.createdAt()));
        j.put("started_at", text(job.startedAt()));
        j.put("completed_at", text(job.completedAt()));
        j.put("attempt", job.attempt());
        j.put("error_message", job.errorMessage());
        j.put("error_code", job.errorCode());
        if (job.summary() != null) {
            ObjectNode s = j.putObject("summary");
            s.put("succeeded", job.summary().succeeded());
            s.put("failed", job.summary().failed());
            s.put("skipped", job.summary().skipped());
            s.put("warnings", job.summary().warnings());
        }
        ResultFile file = job.result() == null ? null : job.result().file();
        if (file != null) {
            ObjectNode r = j.putObject("result");
            r.put("filename", file.filename());
            r.put("content_type", file.contentType());
            r.put("size_bytes", file.sizeBytes());
            if (file.rowCount() != null) {
                r.put("row_count", file.rowCount());
            }
        }
    }

    private static void teams(ObjectNode body, Notification n, String link) {
        body.put("@type", "MessageCard");
        body.put("@context", "https://schema.org/extensions");
        body.put("summary", n.title());
        body.put("title", n.title());
        body.put("text", nullToEmpty(n.body()));
        ArrayNode actions = body.putArray("potentialAction");
        ObjectNode open = actions.addObject();
        open.put("@type", "OpenUri");
        open.put("name", "Open the job");
        open.putArray("targets").addObject().put("os", "default").put("uri", link);
    }

    static String absolute(String baseUrl, String path) {
        if (baseUrl == null || baseUrl.isBlank()) {
            return path;
        }
        return baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) + path : baseUrl + path;
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
