package dev.longrun.spring.sse;

import dev.longrun.spring.api.ApiPaths;
import org.springframework.web.bind.annotation.RequestMapping;
import dev.longrun.Job;
import dev.longrun.spring.api.JobAccess;
import dev.longrun.spring.config.LongrunProperties;
import dev.longrun.spring.problem.ApiProblem;
import dev.longrun.spring.security.Caller;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Server-Sent Events: {@code GET /api/jobs/{id}/events} (one job; frames are {@code event: job}, {@code id: <version>})
 * and {@code GET /api/events} (all of the caller's jobs; {@code id: <epoch millis of the newest change sent>}, resumable).
 * Both resume after a reconnect from the {@code Last-Event-ID} header EventSource sends. Browsers pass their token as {@code ?access_token=}.
 * The response is held open in servlet async mode and written by the stream's own thread ({@link ServletFrameSink}).
 */
@RestController
@RequestMapping(ApiPaths.BASE)
public class EventsController {

    /** The response buffer of an event stream: a frame larger than this is written in more than one piece, nothing more. */
    static final int STREAM_BUFFER_BYTES = 4096;

    private final JobAccess access;
    private final SseHub hub;
    private final StreamQuota quota;

    public EventsController(JobAccess access, SseHub hub, LongrunProperties properties) {
        this.access = access;
        this.hub = hub;
        this.quota = new StreamQuota(properties.getSse().getMaxStreamsPerUser());
    }

    @GetMapping(path = "/jobs/{id}/events", produces = {MediaType.TEXT_EVENT_STREAM_VALUE, MediaType.ALL_VALUE})
    public void job(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
                    @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
                    HttpServletRequest request, HttpServletResponse response) throws IOException {
        Job job = access.visible(caller, id);
        Long last = lastEventId(lastEventId);
        if (job.isTerminal() && last != null && last >= job.version()) {
            // The client has the final state: 204 tells EventSource to stop reconnecting.
            response.setStatus(HttpStatus.NO_CONTENT.value());
            return;
        }
        if ("HTTP/1.1".equals(request.getProtocol())) {
            // This stream ends by itself at the job's final state. Tomcat (the default container of a host) keeps the
            // request's buffers (about 100 KiB) with a kept-alive connection until it is reused or times out, so
            // thousands of ended streams would pin hundreds of MiB; the browser opens a new connection for its next
            // request instead.
            response.setHeader("Connection", "close");
        }
        stream(caller, request, response, sink -> hub.job(job, last, sink));
    }

    @GetMapping(path = "/events", produces = {MediaType.TEXT_EVENT_STREAM_VALUE, MediaType.ALL_VALUE})
    public void all(@AuthenticationPrincipal Caller caller,
                    @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
                    HttpServletRequest request, HttpServletResponse response) throws IOException {
        caller.requireUser();
        Long last = lastEventId(lastEventId);
        stream(caller, request, response, sink -> hub.user(caller, last, sink));
    }

    /**
     * Takes one of the caller's stream places, opens the response and hands it to {@code follow}; the place is given
     * back at once if either fails, else when the response ends.
     */
    private void stream(Caller caller, HttpServletRequest request, HttpServletResponse response,
                        Consumer<FrameSink> follow) throws IOException {
        StreamQuota.Place place = quota.take(caller);
        try {
            follow.accept(open(request, response, place));
        } catch (IOException | RuntimeException e) {
            place.giveBack();
            throw e;
        }
    }

    /** Opens the stream's response; {@code place} is given back when the response ends, however it ends. */
    private static FrameSink open(HttpServletRequest request, HttpServletResponse response, StreamQuota.Place place)
            throws IOException {
        response.setStatus(HttpStatus.OK.value());
        response.setContentType(MediaType.TEXT_EVENT_STREAM_VALUE);
        // no-transform and X-Accel-Buffering keep proxies from buffering the stream.
        response.setHeader("Cache-Control", "no-cache, no-transform");
        response.setHeader("X-Accel-Buffering", "no");
        // Every frame is flushed at once, so a large response buffer only costs memory, held as long as the stream is
        // open: Jetty's is 32 KiB of direct memory per stream by default (Tomcat keeps its own 8 KiB whatever is asked).
        response.setBufferSize(STREAM_BUFFER_BYTES);
        FrameSink sink = ServletFrameSink.open(request, response);
        request.getAsyncContext().addListener(place);
        return sink;
    }

    /** Streams {@code caller} holds open on this node now (tests). */
    int streamsHeld(Caller caller) {
        return quota.held(caller);
    }

    private static Long lastEventId(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            throw ApiProblem.invalidField("Last-Event-ID", "Last-Event-ID must be the id of an event of this stream (a number).");
        }
    }
}
