package dev.longrun.spring.api;

import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A job as the HTTP API and the event streams show it (snake_case JSON, the fields of DESIGN.md). Built by
 * {@link JobViews} only. {@code heartbeatAt}: the worker's last sign of life (a step job between steps changes
 * nothing else); {@code runSeconds}: of a finished job, the time it ran summed over every attempt; {@code clearedAt}: when
 * the person cleared it from their list (it stays under History until retention). {@code queueMoreThan}: set when the
 * job's line is longer than Longrun counts (1,000), so the size reads "more than 1,000" and a null position "over 1,000".
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record JobView(
        UUID id,
        String type,
        String typeLabel,
        String status,
        String statusLabel,
        Double progressPct,
        Long progressCurrent,
        Long progressTotal,
        String progressMessage,
        Integer currentStep,
        Integer totalSteps,
        Integer queuePosition,
        Integer queueSize,
        Integer queueMoreThan,
        UUID waitingFor,
        Instant createdAt,
        Instant startedAt,
        Instant completedAt,
        Instant updatedAt,
        Instant runAfter,
        Long estimatedDurationSeconds,
        EtaView eta,
        EtaView startEta,
        int attempt,
        int maxAttempts,
        boolean cancellable,
        boolean cancelRequested,
        JsonNode params,
        ResultView result,
        String errorMessage,
        ErrorView error,
        SummaryView summary,
        ActionView action,
        UUID dependsOn,
        UUID retryOf,
        Instant heartbeatAt,
        Double runSeconds,
        Instant clearedAt,
        long version) {

    /** "About 2–4 minutes": a rounded range, absent when it would mislead. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record EtaView(long lowSeconds, long highSeconds, String text) {
    }

    /** The outcome; {@code url} is a fresh signed download link while the file is kept, else null. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ResultView(String message, String url, Instant expiresAt, String filename, Long sizeBytes, Long rowCount,
                             String contentType, JsonNode data) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ErrorView(String code, Boolean retryable) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record SummaryView(long succeeded, long failed, long skipped, long warnings) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ActionView(String kind, String message, JsonNode preview) {
    }
}
