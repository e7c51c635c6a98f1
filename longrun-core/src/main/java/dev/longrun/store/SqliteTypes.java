package dev.longrun.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** SQLite: uuids as TEXT, instants as INTEGER epoch millis, booleans as 0/1, lists as JSON arrays. */
final class SqliteTypes implements SqlTypes {

    private final JobJson json;

    SqliteTypes(JobJson json) {
        this.json = json;
    }

    @Override
    public void bind(Connection connection, PreparedStatement ps, int index, Object value) throws SQLException {
        switch (value) {
            case null -> ps.setNull(index, Types.NULL);
            case UUID uuid -> ps.setString(index, uuid.toString());
            case Instant instant -> ps.setLong(index, instant.toEpochMilli());
            case Boolean bool -> ps.setInt(index, bool ? 1 : 0);
            case SqlList list -> ps.setString(index, json.write(elements(list)));
            default -> ps.setObject(index, value);
        }
    }

    private static List<Object> elements(SqlList list) {
        List<Object> out = new ArrayList<>(list.values().size());
        for (Object v : list.values()) {
            out.add(switch (v) {
                case null -> null;
                case UUID uuid -> uuid.toString();
                case Instant instant -> instant.toEpochMilli();
                default -> v;
            });
        }
        return out;
    }

    @Override
    public UUID uuid(ResultSet rs, String column) throws SQLException {
        String value = rs.getString(column);
        return value == null ? null : UUID.fromString(value);
    }

    @Override
    public UUID uuid(ResultSet rs, int column) throws SQLException {
        String value = rs.getString(column);
        return value == null ? null : UUID.fromString(value);
    }

    @Override
    public Instant instant(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(value);
    }
}
