package dev.longrun.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * How one dialect stores uuids, instants, booleans and lists. Instants are truncated to milliseconds on
 * both, so what is written reads back equal on either store.
 */
interface SqlTypes {

    void bind(Connection connection, PreparedStatement ps, int index, Object value) throws SQLException;

    UUID uuid(ResultSet rs, String column) throws SQLException;

    /** The same by position (1-based), for mappers of a fixed select list that skip the column-name lookup. */
    UUID uuid(ResultSet rs, int column) throws SQLException;

    Instant instant(ResultSet rs, String column) throws SQLException;

    static Instant millis(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS);
    }

    static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    static Integer nullableInt(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    static Boolean nullableBoolean(ResultSet rs, String column) throws SQLException {
        boolean value = rs.getBoolean(column);
        return rs.wasNull() ? null : value;
    }
}
