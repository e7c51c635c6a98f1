package dev.longrun.store;

import java.util.List;

/**
 * A list bound as one parameter: a typed array on PostgreSQL ({@code = ANY(:ids)}, {@code unnest}), a JSON
 * array on SQLite ({@code json_each(:ids)}). Elements may be null.
 */
record SqlList(Type type, List<?> values) {

    enum Type {
        UUID("uuid"), TEXT("text"), BIGINT("int8"), INT("int4"), BOOLEAN("bool"), INSTANT("text");

        /** PostgreSQL element type for {@code createArrayOf}; instants travel as ISO text and are cast in SQL. */
        final String postgresName;

        Type(String postgresName) {
            this.postgresName = postgresName;
        }
    }

    static SqlList of(Type type, List<?> values) {
        return new SqlList(type, values);
    }
}
