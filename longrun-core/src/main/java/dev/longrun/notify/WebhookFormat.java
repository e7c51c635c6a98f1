package dev.longrun.notify;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Body shape of a webhook: Longrun's JSON, a Slack incoming-webhook message, or a Teams message card. */
public enum WebhookFormat {
    JSON, SLACK, TEAMS;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static WebhookFormat fromWire(String value) {
        for (WebhookFormat f : values()) {
            if (f.wire().equals(value)) {
                return f;
            }
        }
        throw new IllegalArgumentException("'" + value + "' is not a webhook format; use one of "
                + Arrays.stream(values()).map(WebhookFormat::wire).toList() + ".");
    }

    public static List<String> wireValues() {
        return Arrays.stream(values()).map(WebhookFormat::wire).toList();
    }
}
