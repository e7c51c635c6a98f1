package dev.longrun.server.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/** A fresh SQLite database file in a temporary directory for one test class, deleted on close. */
public final class SqliteFile implements AutoCloseable {

    private final Path dir;
    private final SQLiteDataSource dataSource;

    private SqliteFile() {
        try {
            dir = Files.createTempDirectory("longrun-server-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setBusyTimeout(10_000);
        dataSource = new SQLiteDataSource(config);
        dataSource.setUrl("jdbc:sqlite:" + dir.resolve("test.db"));
    }

    public static SqliteFile create() {
        return new SqliteFile();
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public Path dir() {
        return dir;
    }

    @Override
    public void close() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
