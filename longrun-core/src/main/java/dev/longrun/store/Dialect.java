package dev.longrun.store;

/** The SQL dialects Longrun ships statements and migrations for. */
public enum Dialect {
    POSTGRESQL("postgresql"),
    SQLITE("sqlite");

    private final String folder;

    Dialect(String folder) {
        this.folder = folder;
    }

    /** Resource folder under {@code db/}: migrations in {@code db/<folder>/migration}, statements in {@code db/<folder>/queries.sql} and {@code transitions.sql}. */
    public String folder() {
        return folder;
    }
}
