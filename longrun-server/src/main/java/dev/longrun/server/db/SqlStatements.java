package dev.longrun.server.db;

import dev.longrun.store.Dialect;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Named SQL statements of one feature in one dialect, read once from
 * {@code db/server/<dialect>/<feature>.sql} where each statement follows a {@code -- name: x} line.
 * Used by the repositories of this module so all SQL stays readable in resource files.
 */
public final class SqlStatements {

    private static final String MARKER = "-- name:";

    private final String resource;
    private final Map<String, String> statements;

    private SqlStatements(String resource, Map<String, String> statements) {
        this.resource = resource;
        this.statements = statements;
    }

    public static SqlStatements load(Dialect dialect, String feature) {
        String resource = "db/server/" + dialect.folder() + "/" + feature + ".sql";
        try (InputStream in = SqlStatements.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("SQL resource " + resource + " is missing from the classpath");
            }
            return new SqlStatements(resource, parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }

    static Map<String, String> parse(String text) {
        Map<String, String> result = new LinkedHashMap<>();
        String name = null;
        StringBuilder body = new StringBuilder();
        for (String line : text.split("\\R")) {
            if (line.startsWith(MARKER)) {
                put(result, name, body);
                name = line.substring(MARKER.length()).trim();
                body.setLength(0);
            } else if (name != null && !line.startsWith("--")) {
                body.append(line).append('\n');
            }
        }
        put(result, name, body);
        return result;
    }

    private static void put(Map<String, String> result, String name, StringBuilder body) {
        if (name != null) {
            if (result.putIfAbsent(name, body.toString().strip()) != null) {
                throw new IllegalStateException("SQL statement '" + name + "' is defined twice");
            }
        }
    }

    public String get(String name) {
        String sql = statements.get(name);
        if (sql == null) {
            throw new IllegalArgumentException("No SQL statement '" + name + "' in " + resource);
        }
        return sql;
    }

    public Set<String> names() {
        return statements.keySet();
    }
}
