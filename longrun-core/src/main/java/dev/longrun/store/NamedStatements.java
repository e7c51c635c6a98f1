package dev.longrun.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loads the named statements of one dialect once ({@code -- name: ClaimJobs} headers) and translates their
 * {@code :name} parameters to JDBC {@code ?}. Used by {@link SqlJobStore}; the parity test reads it too.
 * {@code ${schema}} is replaced by the quoted PostgreSQL schema, the only text substituted into SQL.
 */
final class NamedStatements {

    private static final String HEADER = "-- name:";

    private final Dialect dialect;
    private final String file;
    private final Map<String, NamedStatement> byName;

    private NamedStatements(Dialect dialect, String file, Map<String, NamedStatement> byName) {
        this.dialect = dialect;
        this.file = file;
        this.byName = Collections.unmodifiableMap(byName);
    }

    /**
     * Reads the job store's statements, {@code db/<dialect>/queries.sql} and {@code transitions.sql} (the status changes),
     * from the classpath; {@code quotedSchema} fills {@code ${schema}}.
     */
    static NamedStatements load(Dialect dialect, String quotedSchema) {
        return load(dialect, quotedSchema, "queries.sql", "transitions.sql");
    }

    /** Reads other statement files of the dialect folder, e.g. {@code notifications.sql} of {@link NamedSql}. */
    static NamedStatements load(Dialect dialect, String quotedSchema, String... files) {
        Map<String, NamedStatement> statements = new LinkedHashMap<>();
        for (String file : files) {
            String text = readResource("db/" + dialect.folder() + "/" + file);
            parse(text).forEach((name, body) -> {
                String sql = body.replace("${schema}", quotedSchema == null ? "" : quotedSchema);
                if (statements.put(name, translate(name, sql)) != null) {
                    throw new IllegalStateException("Statement '" + name + "' is defined twice (db/" + dialect.folder() + ")");
                }
            });
        }
        return new NamedStatements(dialect, String.join(", ", files), statements);
    }

    Dialect dialect() {
        return dialect;
    }

    NamedStatement get(String name) {
        NamedStatement statement = byName.get(name);
        if (statement == null) {
            throw new IllegalStateException("No statement named '" + name + "' in db/" + dialect.folder() + "/" + file);
        }
        return statement;
    }

    Set<String> names() {
        return byName.keySet();
    }

    /** Splits the file at {@code -- name:} headers; comment lines inside a statement are dropped. */
    static Map<String, String> parse(String text) {
        Map<String, String> bodies = new LinkedHashMap<>();
        String current = null;
        StringBuilder body = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            String trimmed = line.strip();
            if (trimmed.startsWith(HEADER)) {
                putBody(bodies, current, body);
                current = trimmed.substring(HEADER.length()).strip();
                body.setLength(0);
                if (bodies.containsKey(current)) {
                    throw new IllegalStateException("Statement '" + current + "' is defined twice");
                }
            } else if (current != null && !trimmed.startsWith("--")) {
                body.append(line).append('\n');
            }
        }
        putBody(bodies, current, body);
        return bodies;
    }

    private static void putBody(Map<String, String> bodies, String name, StringBuilder body) {
        if (name == null) {
            return;
        }
        String sql = body.toString().strip();
        if (sql.endsWith(";")) {
            sql = sql.substring(0, sql.length() - 1).strip();
        }
        if (sql.isEmpty()) {
            throw new IllegalStateException("Statement '" + name + "' has no SQL");
        }
        bodies.put(name, sql);
    }

    /** {@code :name} → {@code ?}; leaves {@code ::casts} and quoted literals alone. */
    static NamedStatement translate(String name, String sql) {
        StringBuilder out = new StringBuilder(sql.length());
        List<String> parameters = new ArrayList<>();
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\'') {
                int end = sql.indexOf('\'', i + 1);
                if (end < 0) {
                    throw new IllegalStateException("Statement '" + name + "' has an unterminated string literal");
                }
                out.append(sql, i, end + 1);
                i = end + 1;
            } else if (c == ':' && i + 1 < sql.length() && sql.charAt(i + 1) == ':') {
                out.append("::");
                i += 2;
            } else if (c == ':' && i + 1 < sql.length() && Character.isJavaIdentifierStart(sql.charAt(i + 1))) {
                int end = i + 1;
                while (end < sql.length() && Character.isJavaIdentifierPart(sql.charAt(end))) {
                    end++;
                }
                parameters.add(sql.substring(i + 1, end));
                out.append('?');
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return new NamedStatement(name, out.toString(), List.copyOf(parameters));
    }

    static String readResource(String resource) {
        try (InputStream in = NamedStatements.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + resource + " (is longrun-core on the classpath?)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + resource, e);
        }
    }
}
