package dev.longrun.spring.upload;

import dev.longrun.DataDirectory;
import dev.longrun.spring.files.DownloadNames;
import dev.longrun.spring.problem.ApiProblem;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Uploaded input files under {@code <data-dir>/uploads}: the bytes in {@code <id>.bin}, who owns them and when they
 * expire in {@code <id>.json}. Written by {@code POST /api/uploads}; read by job handlers (e.g. an import finds its
 * file by the job's user and the {@code upload_id} param); expired ones are deleted by {@link #deleteExpired()}.
 */
public class UploadStore {

    private static final Logger log = LoggerFactory.getLogger(UploadStore.class);
    private static final Pattern ID = Pattern.compile("[a-f0-9]{32}");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path dir;
    private final Clock clock;
    private final Duration ttl;
    private final long maxBytes;
    private final SecureRandom random = new SecureRandom();

    public UploadStore(Path dir, Clock clock, Duration ttl, long maxBytes) {
        this.dir = dir;
        this.clock = clock;
        this.ttl = ttl;
        this.maxBytes = maxBytes;
        try {
            DataDirectory.create(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the upload directory " + dir.toAbsolutePath() + "; check longrun.data-dir", e);
        }
    }

    /** Stores a file for this user; refuses (413) more than the configured maximum, keeping nothing of it. */
    public Upload save(String accountId, String userId, String filename, String contentType, InputStream in) throws IOException {
        String id = HexFormat.of().formatHex(bytes());
        Path tmp = dir.resolve(id + ".part");
        long size = 0;
        try (OutputStream out = Files.newOutputStream(tmp)) {
            byte[] buf = new byte[64 * 1024];
            for (int n; (n = in.read(buf)) > 0; ) {
                size += n;
                if (size > maxBytes) {
                    throw ApiProblem.tooLarge("The file is larger than the limit of " + (maxBytes / (1024 * 1024)) + " MB. Split it into smaller files.");
                }
                out.write(buf, 0, n);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Instant now = clock.instant();
        Upload upload = new Upload(id, accountId, userId, DownloadNames.safe(filename), contentType == null ? "application/octet-stream" : contentType,
                size, now, now.plus(ttl));
        Files.write(dir.resolve(id + ".json"), JSON.writeValueAsBytes(upload));
        Files.move(tmp, dir.resolve(id + ".bin"), StandardCopyOption.ATOMIC_MOVE);
        return upload;
    }

    /**
     * The user's upload.
     *
     * @throws UploadNotFoundException when it does not exist, expired, or belongs to someone else
     */
    public Upload find(String uploadId, String accountId, String userId) {
        if (uploadId == null || !ID.matcher(uploadId).matches()) {
            throw new UploadNotFoundException(uploadId);
        }
        Path meta = dir.resolve(uploadId + ".json");
        if (!Files.exists(meta) || !Files.exists(dir.resolve(uploadId + ".bin"))) {
            throw new UploadNotFoundException(uploadId);
        }
        Upload u;
        try {
            u = JSON.readValue(meta.toFile(), Upload.class);
        } catch (RuntimeException e) {
            throw new UploadNotFoundException(uploadId);
        }
        if (!u.accountId().equals(accountId) || !u.userId().equals(userId) || !clock.instant().isBefore(u.expiresAt())) {
            throw new UploadNotFoundException(uploadId);
        }
        return u;
    }

    public InputStream open(String uploadId, String accountId, String userId) throws IOException {
        return Files.newInputStream(path(uploadId, accountId, userId));
    }

    public Path path(String uploadId, String accountId, String userId) {
        return dir.resolve(find(uploadId, accountId, userId).id() + ".bin");
    }

    /** Deletes expired uploads and abandoned partial ones; returns how many files were removed. */
    public int deleteExpired() {
        int removed = 0;
        Instant now = clock.instant();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.json")) {
            for (Path meta : files) {
                String id = meta.getFileName().toString().replace(".json", "");
                try {
                    Upload u = JSON.readValue(meta.toFile(), Upload.class);
                    if (!now.isBefore(u.expiresAt())) {
                        Files.deleteIfExists(dir.resolve(id + ".bin"));
                        Files.deleteIfExists(meta);
                        removed++;
                    }
                } catch (RuntimeException | IOException e) {
                    log.warn("Cannot read upload metadata {}: {}", meta, e.toString());
                }
            }
        } catch (IOException e) {
            log.warn("Cannot list uploads in {}: {}", dir, e.toString());
        }
        return removed + deleteAbandonedParts(now);
    }

    /** Partial files left by a crash mid-upload: deleted once older than the upload lifetime. */
    private int deleteAbandonedParts(Instant now) {
        int removed = 0;
        try (DirectoryStream<Path> parts = Files.newDirectoryStream(dir, "*.part")) {
            for (Path part : parts) {
                if (Files.getLastModifiedTime(part).toInstant().plus(ttl).isBefore(now) && Files.deleteIfExists(part)) {
                    removed++;
                }
            }
        } catch (IOException e) {
            log.warn("Cannot list partial uploads in {}: {}", dir, e.toString());
        }
        return removed;
    }

    public long maxBytes() {
        return maxBytes;
    }

    private byte[] bytes() {
        byte[] b = new byte[16];
        random.nextBytes(b);
        return b;
    }
}
