package dev.longrun.spring.sse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.json.JsonMapper;

/** The streams write the bytes Spring's SseEmitter wrote for the same frames, so no client sees a difference. */
class SseFramesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aJobFrameIsWhatSseEmitterWroteForIt() {
        String json = "{\"id\":\"a\",\"progress_message\":\"Step 2 of 3 \\u2013 déjà\",\"version\":7}";

        byte[] ours = concat(SseFrames.jobHead(json), SseFrames.idEnd(7));

        assertThat(new String(ours, StandardCharsets.UTF_8))
                .isEqualTo(emitted(SseEmitter.event().name("job").data(json, MediaType.APPLICATION_JSON).id("7")));
        assertThat(SseFrames.withId(SseFrames.jobHead(json), 7)).as("a job stream's whole frame").isEqualTo(ours);
        assertThat(new String(concat(SseFrames.jobHead(json), SseFrames.END), StandardCharsets.UTF_8))
                .isEqualTo(emitted(SseEmitter.event().name("job").data(json, MediaType.APPLICATION_JSON)));
    }

    @Test
    void dataOverSeveralLinesBecomesOneDataLineEach() {
        String json = "{\n  \"a\": 1,\r\n  \"b\": 2\r}";

        assertThat(new String(concat(SseFrames.jobHead(json), SseFrames.idEnd(3)), StandardCharsets.UTF_8))
                .isEqualTo("event:job\ndata:{\ndata:  \"a\": 1,\ndata:  \"b\": 2\ndata:}\nid:3\n\n")
                .isEqualTo(emitted(SseEmitter.event().name("job").data(json, MediaType.APPLICATION_JSON).id("3")));
    }

    @Test
    void heartbeatsResyncsAndBareIdsAreWhatSseEmitterWrote() {
        assertThat(new String(SseFrames.HEARTBEAT, StandardCharsets.US_ASCII)).isEqualTo(emitted(SseEmitter.event().comment("heartbeat")));
        assertThat(new String(SseFrames.RESYNC, StandardCharsets.US_ASCII)).isEqualTo(emitted(SseEmitter.event().name("resync").data("{}")));
        assertThat(new String(SseFrames.idEnd(1764403200123L), StandardCharsets.US_ASCII)).isEqualTo(emitted(SseEmitter.event().id("1764403200123")));
    }

    @Test
    void anotherFeaturesFrameHasItsObjectDataWrittenAsJson() {
        SseEmitter.SseEventBuilder notification = SseEmitter.event().name("notification").data(Map.of("title", "Import is done"), MediaType.APPLICATION_JSON);

        assertThat(new String(SseFrames.of(notification, JSON), StandardCharsets.UTF_8))
                .isEqualTo("event:notification\ndata:{\"title\":\"Import is done\"}\n\n");
    }

    /** The text SseEmitter sent for an event: its parts in order, string data as it is. */
    private static String emitted(SseEmitter.SseEventBuilder event) {
        StringBuilder b = new StringBuilder();
        event.build().forEach(part -> b.append((String) part.getData()));
        return b.toString();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
