package dev.longrun;

import static org.assertj.core.api.Assertions.assertThat;

import dev.longrun.store.EmbeddedDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data directory and what is created in it are for this process's user only (the embedded database too). */
class DataDirectoryTest {

    @TempDir
    Path tmp;

    @Test
    void directoriesItCreatesAreOwnerOnlyAndOnesThatExistKeepTheirPermissions() throws IOException {
        Path existing = Files.createDirectory(tmp.resolve("shared"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-x---")));
        Path nested = existing.resolve("data").resolve("results");

        DataDirectory.create(nested);

        assertThat(permissions(existing.resolve("data"))).isEqualTo("rwx------");
        assertThat(permissions(nested)).isEqualTo("rwx------");
        assertThat(permissions(existing)).as("set up by an administrator").isEqualTo("rwxr-x---");
        DataDirectory.create(nested); // again: nothing to create, no error
    }

    @Test
    void theEmbeddedDatabasesDirectoryIsOwnerOnly() throws IOException {
        Path dataDir = tmp.resolve("longrun-data");
        try (var ds = EmbeddedDatabase.open(dataDir)) {
            assertThat(permissions(dataDir)).isEqualTo("rwx------");
        }
    }

    private static String permissions(Path dir) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(dir));
    }
}
