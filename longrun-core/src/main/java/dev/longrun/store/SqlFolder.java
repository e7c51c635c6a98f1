package dev.longrun.store;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * A host's own SQL, laid out like Longrun's: {@code <folder>/<dialect>/<file>.sql} holds named statements
 * ({@code -- name: x} headers) and {@code <folder>/<dialect>/migration} its Flyway migrations. The dialect
 * is picked from the database the DataSource connects to, so the host never names one.
 */
public final class SqlFolder {

    private final String folder;
    private final Dialect dialect;

    private SqlFolder(String folder, Dialect dialect) {
        this.folder = folder;
        this.dialect = dialect;
    }

    /** The folder's SQL for the database {@code dataSource} connects to (PostgreSQL or SQLite). */
    public static SqlFolder of(DataSource dataSource, String folder) {
        return new SqlFolder(folder, JobStores.detect(dataSource));
    }

    /** The folder once per dialect, for tests that both dialects define the same statements. */
    public static List<SqlFolder> everyDialect(String folder) {
        return Arrays.stream(Dialect.values()).map(d -> new SqlFolder(folder, d)).toList();
    }

    /** The resource path of this dialect's part, e.g. {@code db/server/sqlite}. */
    public String location() {
        return folder + "/" + dialect.folder();
    }

    /** The Flyway location of the migrations, {@code classpath:<folder>/<dialect>/migration}. */
    public String migrations() {
        return "classpath:" + location() + "/migration";
    }

    /** True when the database binds {@link java.util.UUID} natively (PostgreSQL); else ids travel as text. */
    public boolean bindsUuids() {
        return dialect == Dialect.POSTGRESQL;
    }

    /** The named statements of {@code <file>.sql}, read with Longrun's own loader; {@code :name} parameters stay as written. */
    public Statements statements(String file) {
        String resource = location() + "/" + file + ".sql";
        return new Statements(resource, NamedStatements.parse(NamedStatements.readResource(resource)));
    }

    /** Statements of one file by name. */
    public static final class Statements {

        private final String resource;
        private final Map<String, String> byName;

        private Statements(String resource, Map<String, String> byName) {
            this.resource = resource;
            this.byName = Collections.unmodifiableMap(byName); // in file order
        }

        public String get(String name) {
            String sql = byName.get(name);
            if (sql == null) {
                throw new IllegalArgumentException("No SQL statement '" + name + "' in " + resource);
            }
            return sql;
        }

        public Set<String> names() {
            return byName.keySet();
        }
    }
}
