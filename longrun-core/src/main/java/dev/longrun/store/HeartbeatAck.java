package dev.longrun.store;

import java.util.UUID;

/** A job whose lease a heartbeat renewed, and whether its user asked to cancel it meanwhile. */
public record HeartbeatAck(UUID id, boolean cancelRequested) {
}
