package dev.longrun.notify;

/** The plain-language text of a notification, written once when it is planned. */
public record Rendered(String title, String body, String link) {
}
