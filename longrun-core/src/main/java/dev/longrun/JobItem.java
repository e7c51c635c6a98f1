package dev.longrun;

import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** The recorded outcome of one item ({@code key} is e.g. a contact id or "row 52"). */
public record JobItem(UUID jobId, String key, ItemStatus status, String message, JsonNode detail, Instant createdAt) {
}
