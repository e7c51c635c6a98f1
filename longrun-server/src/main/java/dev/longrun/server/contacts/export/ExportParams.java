package dev.longrun.server.contacts.export;

/** Params of {@code contacts.export}: an optional free-text filter (name, email or company); absent exports all. */
public record ExportParams(String query) {
}
