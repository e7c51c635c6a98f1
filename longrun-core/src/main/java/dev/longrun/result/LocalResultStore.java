package dev.longrun.result;

import dev.longrun.DataDirectory;
import dev.longrun.ResultFile;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/** Result files in a local directory: {@code <root>/<job id>/<random>-<safe filename>}. */
public final class LocalResultStore implements ResultStore {

    private final Path root;

    public LocalResultStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public String describe() {
        return "local directory " + root;
    }

    @Override
    public void check() throws IOException {
        DataDirectory.create(root);
        if (!Files.isWritable(root)) {
            throw new IOException(root + " is not writable");
        }
    }

    @Override
    public Upload create(UUID jobId, String filename) throws IOException {
        String key = ResultKeys.newKey(jobId, filename);
        Path path = resolve(key);
        DataDirectory.create(path.getParent());
        CountingStream out = new CountingStream(new BufferedOutputStream(Files.newOutputStream(path), 64 * 1024));
        return new Upload() {
            @Override public String key() { return key; }
            @Override public OutputStream stream() { return out; }
            @Override public long size() { return out.count(); }
            @Override public void close() throws IOException { out.close(); }
        };
    }

    @Override
    public InputStream open(ResultFile file) throws IOException {
        return Files.newInputStream(resolve(file.storageKey()));
    }

    @Override
    public boolean exists(ResultFile file) {
        return file != null && file.storageKey() != null && Files.isRegularFile(resolve(file.storageKey()));
    }

    @Override
    public void delete(String storageKey) throws IOException {
        Path path = resolve(storageKey);
        Files.deleteIfExists(path);
        try {
            Files.deleteIfExists(path.getParent());
        } catch (java.nio.file.DirectoryNotEmptyException ignored) {
            // other files of the same job remain
        }
    }

    @Override
    public void deleteJobFiles(UUID jobId) throws IOException {
        Path dir = resolve(jobId.toString());
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (var files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(f);
            }
        }
        Files.deleteIfExists(dir);
    }

    private Path resolve(String key) {
        Path path = root.resolve(key).normalize();
        if (!path.startsWith(root)) {
            throw new IllegalArgumentException("Invalid result key");
        }
        return path;
    }

    private static final class CountingStream extends FilterOutputStream {
        private long count;

        CountingStream(OutputStream out) {
            super(out);
        }

        public long count() {
            return count;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}
