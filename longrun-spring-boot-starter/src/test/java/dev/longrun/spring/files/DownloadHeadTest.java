package dev.longrun.spring.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.longrun.ResultFile;
import dev.longrun.result.LocalResultStore;
import dev.longrun.result.ResultStore;
import dev.longrun.spring.support.Api;
import dev.longrun.spring.support.ApiTestBase;
import dev.longrun.spring.testapp.TestApp;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.ContextConfiguration;
import tools.jackson.databind.JsonNode;

/**
 * A HEAD on a download link (download managers ask it for the size before fetching in ranges) answers what a GET
 * would, without reading the file: Spring copied it into a discarded body, from S3 a whole GET of the object.
 */
@SpringBootTest(classes = {TestApp.class, DownloadHeadTest.CountedStore.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = DownloadHeadTest.OwnDataDir.class)
class DownloadHeadTest extends ApiTestBase {

    static final AtomicInteger OPENS = new AtomicInteger();

    @Test
    void aHeadSaysWhatAGetWouldWithoutOpeningTheFile() {
        Api.Who who = newUser();
        String id = startId(who, "test.export", "{\"rows\":50}");
        JsonNode result = awaitStatus(who, id, "succeeded").get("result");
        String url = result.get("url").asString();
        int before = OPENS.get();

        Api.Res head = api.method("HEAD", url).send();
        Api.Res headOfARange = api.method("HEAD", url).header("Range", "bytes=0-9").send();

        for (Api.Res r : new Api.Res[] {head, headOfARange}) {
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            assertThat(r.header("Content-Length")).isEqualTo(String.valueOf(result.get("size_bytes").asLong()));
            assertThat(r.header("Accept-Ranges")).isEqualTo("bytes");
            assertThat(r.header("Content-Disposition")).startsWith("attachment");
            assertThat(r.header("ETag")).isNotBlank();
            assertThat(r.bytes()).isEmpty();
        }
        assertThat(OPENS.get()).as("files opened by HEAD").isEqualTo(before);
        assertThat(api.get(url).send().bytes()).hasSize((int) result.get("size_bytes").asLong());
        assertThat(OPENS.get()).as("a GET reads it").isEqualTo(before + 1);
    }

    /** The local store, counting the files it opens for reading. */
    @TestConfiguration(proxyBeanMethods = false)
    static class CountedStore {
        @Bean
        ResultStore countedResultStore() throws IOException {
            LocalResultStore local = new LocalResultStore(Files.createTempDirectory("longrun-head-results"));
            return new ResultStore() {
                @Override
                public String describe() {
                    return local.describe();
                }

                @Override
                public Upload create(UUID jobId, String filename) throws IOException {
                    return local.create(jobId, filename);
                }

                @Override
                public InputStream open(ResultFile file) throws IOException {
                    OPENS.incrementAndGet();
                    return local.open(file);
                }

                @Override
                public boolean exists(ResultFile file) {
                    return local.exists(file);
                }

                @Override
                public void delete(String storageKey) throws IOException {
                    local.delete(storageKey);
                }

                @Override
                public void deleteJobFiles(UUID jobId) throws IOException {
                    local.deleteJobFiles(jobId);
                }
            };
        }
    }

    /** A data directory (an SQLite store) of this context's own: the shared one is the other SQLite contexts'. */
    static class OwnDataDir implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            try {
                Path dir = Files.createTempDirectory("longrun-head-sqlite");
                TestPropertyValues.of("longrun.data-dir=" + dir).applyTo(context);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
