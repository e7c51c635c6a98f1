package dev.longrun.spring.files;

import dev.longrun.ResultFile;
import dev.longrun.result.ResultStore;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.core.io.AbstractResource;

/**
 * A job's result file as a Spring {@code Resource} of known length, so Spring MVC answers Range requests for it
 * (206 with Content-Range, several ranges as multipart/byteranges) and a browser can resume a large download.
 * Spring reads a range by skipping to its start; the stream given here opens the store only at the first skip or
 * read, and a skip before anything was read becomes where the store opens the file
 * ({@link ResultStore#open(ResultFile, long)}), so a resumed download from S3 does not fetch what was already sent.
 */
final class StoredResult extends AbstractResource {

    private final ResultStore store;
    private final ResultFile file;

    StoredResult(ResultStore store, ResultFile file) {
        this.store = store;
        this.file = file;
    }

    @Override
    public long contentLength() {
        return file.sizeBytes();
    }

    @Override
    public String getFilename() {
        return file.filename();
    }

    @Override
    public String getDescription() {
        return "result file " + file.filename();
    }

    @Override
    public InputStream getInputStream() {
        return new OpenedOnUse();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StoredResult r && r.file.equals(file);
    }

    @Override
    public int hashCode() {
        return file.hashCode();
    }

    /** Opens the file at the first skip (there) or read (at its start). */
    private final class OpenedOnUse extends InputStream {

        private InputStream in;
        private boolean closed;

        private InputStream opened(long offset) throws IOException {
            if (closed) {
                throw new IOException("The result file's stream is closed");
            }
            if (in == null) {
                in = store.open(file, offset);
            }
            return in;
        }

        @Override
        public long skip(long n) throws IOException {
            if (in == null && n > 0) {
                long offset = Math.min(n, file.sizeBytes());
                opened(offset);
                return offset;
            }
            return opened(0).skip(n);
        }

        @Override
        public int read() throws IOException {
            return opened(0).read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return opened(0).read(b, off, len);
        }

        @Override
        public void close() throws IOException {
            closed = true;
            if (in != null) {
                in.close();
            }
        }
    }
}
