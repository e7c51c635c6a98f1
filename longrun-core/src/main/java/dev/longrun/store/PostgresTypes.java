package dev.longrun.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** PostgreSQL: native uuid and timestamptz; lists as typed arrays; nulls untyped (the SQL casts every parameter). */
final class PostgresTypes implements SqlTypes {

    @Override
    public void bind(Connection connection, PreparedStatement ps, int index, Object value) throws SQLException {
        switch (value) {
            case null -> ps.setNull(index, Types.OTHER);
            case Instant instant -> ps.setObject(index, OffsetDateTime.ofInstant(SqlTypes.millis(instant), ZoneOffset.UTC));
            case SqlList list -> ps.setArray(index, connection.createArrayOf(list.type().postgresName, elements(list)));
            default -> ps.setObject(index, value);
        }
    }

    private static Object[] elements(SqlList list) {
        Object[] out = new Object[list.values().size()];
        for (int i = 0; i < out.length; i++) {
            Object v = list.values().get(i);
            out[i] = v instanceof Instant instant ? SqlTypes.millis(instant).toString() : v;
        }
        return out;
    }

    @Override
    public UUID uuid(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, UUID.class);
    }

    @Override
    public UUID uuid(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, UUID.class);
    }

    @Override
    public Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
