package dev.longrun.bench.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the load client splits an event stream into frames. */
class EventStreamTest {

    @Test
    void framesEndAtABlankLineAndHeartbeatCommentsAreNoFrames() throws Exception {
        String stream = "event:job\nid:3\ndata:{\"version\":3}\n\n: heartbeat\n\nevent: job\ndata: {\"a\":1,\ndata: \"b\":2}\n\n";
        List<EventStream.Frame> frames = new ArrayList<>();

        EventStream.readFrames(new BufferedReader(new StringReader(stream)), frames::add);

        assertThat(frames).extracting(EventStream.Frame::event).containsExactly("job", "job");
        assertThat(frames).extracting(EventStream.Frame::data).containsExactly("{\"version\":3}", "{\"a\":1,\n\"b\":2}");
        assertThat(frames).allSatisfy(f -> assertThat(f.receivedAt()).isNotNull());
    }

    @Test
    void anUnfinishedFrameAtTheEndOfTheStreamIsNotDelivered() throws Exception {
        List<EventStream.Frame> frames = new ArrayList<>();

        EventStream.readFrames(new BufferedReader(new StringReader("event: job\ndata: {\"cut\":")), frames::add);

        assertThat(frames).isEmpty();
    }
}
