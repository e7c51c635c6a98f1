package dev.longrun.spring.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.longrun.ResultFile;
import dev.longrun.result.ResultStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.util.StreamUtils;

/** The resource Spring reads a Range of: the store is asked to open the file where the range starts. */
class StoredResultTest {

    private static final byte[] CONTENT = "name,email\nAda,ada@example.com\n".getBytes(StandardCharsets.UTF_8);
    private static final ResultFile FILE = new ResultFile("export.csv", "text/csv", CONTENT.length, 1L, "k/1");

    @Test
    void aRangeIsReadFromAStreamTheStoreOpenedAtItsStart() throws IOException {
        OffsetsStore store = new OffsetsStore();
        StoredResult result = new StoredResult(store, FILE);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        try (InputStream in = result.getInputStream()) {
            StreamUtils.copyRange(in, out, 11, 13); // what Spring's ResourceRegion writer does for bytes=11-13
        }

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("Ada");
        assertThat(store.offsets).containsExactly(11L);
        assertThat(result.contentLength()).isEqualTo(CONTENT.length);
    }

    @Test
    void aWholeReadOpensAtTheStartAndAStreamNeverReadIsNeverOpened() throws IOException {
        OffsetsStore store = new OffsetsStore();
        StoredResult result = new StoredResult(store, FILE);

        try (InputStream unused = result.getInputStream()) {
            assertThat(store.offsets).isEmpty();
        }
        try (InputStream in = result.getInputStream()) {
            assertThat(in.readAllBytes()).isEqualTo(CONTENT);
        }
        assertThat(store.offsets).containsExactly(0L);
        InputStream closed = result.getInputStream();
        closed.close();
        assertThatThrownBy(closed::read).isInstanceOf(IOException.class);
    }

    /** Serves one file from memory and records where it was asked to open it. */
    private static final class OffsetsStore implements ResultStore {
        final List<Long> offsets = new ArrayList<>();

        @Override
        public InputStream open(ResultFile file, long offset) {
            offsets.add(offset);
            return new ByteArrayInputStream(CONTENT, (int) offset, CONTENT.length - (int) offset);
        }

        @Override
        public InputStream open(ResultFile file) {
            return open(file, 0);
        }

        @Override
        public String describe() {
            return "memory";
        }

        @Override
        public Upload create(UUID jobId, String filename) {
            throw new UnsupportedOperationException("read-only");
        }

        @Override
        public boolean exists(ResultFile file) {
            return true;
        }

        @Override
        public void delete(String storageKey) {
        }

        @Override
        public void deleteJobFiles(UUID jobId) {
        }
    }
}
