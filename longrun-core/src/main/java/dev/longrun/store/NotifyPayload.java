package dev.longrun.store;

import dev.longrun.JobStatus;
import dev.longrun.event.JobEvent;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The text of a PostgreSQL NOTIFY on {@link #CHANNEL}: one event per line,
 * {@code id:version:status:account:user}, account and user URL-encoded ({@code ~} for null). A batch is
 * packed into as few payloads as fit PostgreSQL's 8000-byte limit. The runtime's listener decodes it.
 */
public final class NotifyPayload {

    public static final String CHANNEL = "longrun_jobs";
    static final int MAX_BYTES = 7900;

    private NotifyPayload() {
    }

    public static List<String> encode(Collection<JobEvent> events) {
        List<String> payloads = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int currentBytes = 0;
        for (JobEvent e : events) {
            String line = e.jobId() + ":" + e.version() + ":" + e.status().value() + ":" + part(e.accountId()) + ":" + part(e.userId());
            int bytes = line.getBytes(StandardCharsets.UTF_8).length + 1;
            if (currentBytes > 0 && currentBytes + bytes > MAX_BYTES) {
                payloads.add(current.toString());
                current.setLength(0);
                currentBytes = 0;
            }
            if (currentBytes > 0) {
                current.append('\n');
            }
            current.append(line);
            currentBytes += bytes;
        }
        if (currentBytes > 0) {
            payloads.add(current.toString());
        }
        return payloads;
    }

    /** Events of one payload; lines that do not parse are skipped (a newer node may add fields). */
    public static List<JobEvent> decode(String payload) {
        List<JobEvent> events = new ArrayList<>();
        for (String line : payload.split("\n")) {
            String[] f = line.split(":", -1);
            if (f.length < 5) {
                continue;
            }
            try {
                events.add(new JobEvent(UUID.fromString(f[0]), Long.parseLong(f[1]), unpart(f[3]), unpart(f[4]),
                        JobStatus.fromValue(f[2])));
            } catch (IllegalArgumentException ignored) {
                // not an event line of this version
            }
        }
        return events;
    }

    private static String part(String value) {
        return value == null ? "~" : URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String unpart(String value) {
        return "~".equals(value) ? null : URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
