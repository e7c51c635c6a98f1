package dev.longrun;

import java.util.UUID;

/**
 * Whose a job is and which version of it is stored: all a revalidation ({@code If-None-Match} on a status read)
 * needs to answer "not modified", read without the rest of the row ({@link Longrun#stamp}). The version is the one
 * {@link Job#version()} would show in the same read; every change of the job bumps it.
 */
public record JobStamp(UUID id, String accountId, String userId, long version) {
}
