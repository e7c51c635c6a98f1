package dev.longrun;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Creates the directories a node keeps its data in (the embedded database, result files, uploads, the signing
 * secret) readable by this process's user only: they hold every user's jobs and files, and on a shared machine the
 * usual 755 let any local account read them. Directories that exist already keep the permissions they have (an
 * administrator may have set up the data directory on purpose).
 */
public final class DataDirectory {

    private DataDirectory() {
    }

    /** {@link Files#createDirectories}, each directory it creates owner-only (rwx------) where the file system has POSIX permissions. */
    public static Path create(Path dir) throws IOException {
        return Files.createDirectories(dir, ownerOnly(dir));
    }

    private static FileAttribute<?>[] ownerOnly(Path dir) {
        if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))};
        }
        return new FileAttribute<?>[0];
    }
}
