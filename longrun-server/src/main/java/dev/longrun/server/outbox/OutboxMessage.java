package dev.longrun.server.outbox;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A message kept in the local outbox, as {@code GET /api/outbox} shows it to the user who sent it. */
public record OutboxMessage(long id, @JsonProperty("job_id") String jobId, String recipient, String subject, String body,
                            @JsonProperty("created_at") String createdAt) {
}
