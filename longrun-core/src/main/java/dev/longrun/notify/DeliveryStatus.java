package dev.longrun.notify;

import java.util.Locale;

/**
 * State of one delivery (notification × channel), changed only by the {@link Dispatcher}: pending until sent;
 * failed when the channel said retrying cannot help (e.g. no address); gave_up after the last retry or when the
 * endpoint was disabled.
 */
public enum DeliveryStatus {
    PENDING, SENT, FAILED, GAVE_UP;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DeliveryStatus fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
