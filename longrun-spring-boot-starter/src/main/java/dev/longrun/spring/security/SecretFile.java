package dev.longrun.spring.security;

import dev.longrun.DataDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The node's own signing secret in {@code <longrun.data-dir>/secret}, used by {@link Secrets} when
 * {@code longrun.tokens.secret} is not set, so download links and sign-ins survive a restart. Created once with
 * random content, readable by the owner only (mode 600 where the file system has POSIX permissions), and published
 * atomically: two processes starting on one data directory end up with the same secret.
 */
final class SecretFile {

    static final String NAME = "secret";
    private static final int MIN_LENGTH = 32;

    private SecretFile() {
    }

    /** The secret kept in {@code dataDir}, created first when there is none; {@code created} tells which. */
    record Loaded(String secret, Path path, boolean created) {
    }

    static Loaded loadOrCreate(Path dataDir) {
        Path file = dataDir.resolve(NAME);
        try {
            boolean created = !Files.exists(file) && create(dataDir, file);
            return new Loaded(read(file), file, created);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the signing secret " + file.toAbsolutePath()
                    + " (" + e.getMessage() + "). Make longrun.data-dir writable, or set longrun.tokens.secret.", e);
        }
    }

    /** Writes a new secret next to the target and links it into place; false when another process was first. */
    private static boolean create(Path dataDir, Path file) throws IOException {
        DataDirectory.create(dataDir);
        Path tmp = Files.createTempFile(dataDir, ".secret-", ".tmp", ownerOnly(dataDir));
        try {
            byte[] random = new byte[48];
            new SecureRandom().nextBytes(random);
            Files.writeString(tmp, Base64.getUrlEncoder().withoutPadding().encodeToString(random) + "\n", StandardCharsets.US_ASCII);
            try {
                // link() fails when the name exists, so a secret another process just created is never replaced.
                Files.createLink(file, tmp);
                return true;
            } catch (FileAlreadyExistsException otherProcessWasFirst) {
                return false;
            } catch (UnsupportedOperationException noHardLinks) {
                try {
                    Files.move(tmp, file); // no REPLACE_EXISTING: fails rather than replacing
                    return true;
                } catch (FileAlreadyExistsException otherProcessWasFirst) {
                    return false;
                }
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static String read(Path file) throws IOException {
        String secret = Files.readString(file, StandardCharsets.US_ASCII).strip();
        if (secret.length() < MIN_LENGTH) {
            throw new IllegalStateException("The signing secret in " + file.toAbsolutePath() + " is shorter than " + MIN_LENGTH
                    + " characters. Delete the file to have a new one created (signed-in users then sign in again), "
                    + "or set longrun.tokens.secret.");
        }
        return secret;
    }

    private static FileAttribute<?>[] ownerOnly(Path dir) {
        if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))};
        }
        return new FileAttribute<?>[0];
    }
}
