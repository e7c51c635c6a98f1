package dev.longrun.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.longrun.JobStatus;
import dev.longrun.event.JobEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class NotifyPayloadTest {

    @Test
    void eventsSurviveTheTripIncludingOddAccountNames() {
        List<JobEvent> events = List.of(
                new JobEvent(UUID.randomUUID(), 7, "acme:eu", "ann@example.com", JobStatus.RUNNING),
                new JobEvent(UUID.randomUUID(), 1, null, "~bob", JobStatus.NEEDS_ACTION));

        List<String> payloads = NotifyPayload.encode(events);

        assertThat(payloads).hasSize(1);
        assertThat(NotifyPayload.decode(payloads.get(0))).isEqualTo(events);
    }

    @Test
    void aLargeBatchIsSplitIntoPayloadsUnderPostgresLimit() {
        List<JobEvent> events = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            events.add(new JobEvent(UUID.randomUUID(), i, "account-" + i, "user-" + i, JobStatus.SUCCEEDED));
        }

        List<String> payloads = NotifyPayload.encode(events);

        assertThat(payloads.size()).isBetween(2, 10);
        assertThat(payloads).allSatisfy(p -> assertThat(p.getBytes(StandardCharsets.UTF_8).length).isLessThan(8000));
        assertThat(payloads.stream().flatMap(p -> NotifyPayload.decode(p).stream()).toList()).isEqualTo(events);
    }

    @Test
    void noPayloadHoldsTheSeparatorOfPayloadsSentTogether() {
        JobEvent odd = new JobEvent(UUID.randomUUID(), 3, "acme\u001eeu", "ann\u001e\"{x}\\", JobStatus.FAILED);

        List<String> payloads = NotifyPayload.encode("node-1", List.of(odd));

        assertThat(payloads).singleElement().satisfies(p -> assertThat(p).doesNotContain(String.valueOf(NotifyPayload.SEPARATOR)));
        assertThat(NotifyPayload.decode(payloads.get(0))).containsExactly(odd);
    }

    @Test
    void linesFromANewerFormatAreSkipped() {
        assertThat(NotifyPayload.decode("garbage\nnot:a:valid:line:at:all")).isEmpty();
    }

    @Test
    void everyPayloadOfABatchNamesItsOriginAndDecodingSkipsIt() {
        List<JobEvent> events = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            events.add(new JobEvent(UUID.randomUUID(), i, "account-" + i, "user-" + i, JobStatus.RUNNING));
        }

        List<String> payloads = NotifyPayload.encode("node-7f3a", events);

        assertThat(payloads.size()).isGreaterThan(1);
        assertThat(payloads).allSatisfy(p -> {
            assertThat(NotifyPayload.origin(p)).isEqualTo("node-7f3a");
            assertThat(p.getBytes(StandardCharsets.UTF_8).length).isLessThan(8000);
        });
        assertThat(payloads.stream().flatMap(p -> NotifyPayload.decode(p).stream()).toList()).isEqualTo(events);
        assertThat(NotifyPayload.origin(NotifyPayload.encode(events).get(0))).as("no origin given, none named").isNull();
    }
}
