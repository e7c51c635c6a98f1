package dev.longrun.notify;

/**
 * What a {@link Channel} reports for one attempt: sent, worth retrying (non-2xx, timeout, SMTP down), or
 * final (retrying cannot help). The error text is shown to people in delivery logs: plain, no secrets.
 */
public record DeliveryOutcome(Kind kind, String error) {

    public enum Kind { SENT, RETRY, FINAL }

    public static DeliveryOutcome sent() {
        return new DeliveryOutcome(Kind.SENT, null);
    }

    public static DeliveryOutcome retry(String error) {
        return new DeliveryOutcome(Kind.RETRY, error);
    }

    public static DeliveryOutcome giveUp(String error) {
        return new DeliveryOutcome(Kind.FINAL, error);
    }
}
