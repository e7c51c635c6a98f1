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
 * A payload may start with {@code @<origin>}: the process that sent it, which skips its own payloads (it
 * already published those events in process, and LISTEN hears the sender's NOTIFY too).
 */
public final class NotifyPayload {

    public static final String CHANNEL = "longrun_jobs";
    static final int MAX_BYTES = 7900;
    /** Between the payloads of one Notify statement, which splits them there; no payload holds it (see {@link #part}). */
    static final char SEPARATOR = '\u001e';

    private NotifyPayload() {
    }

    public static List<String> encode(Collection<JobEvent> events) {
        return encode(null, events);
    }

    /** @param origin the sending process (letters, digits, '-'), or null */
    public static List<String> encode(String origin, Collection<JobEvent> events) {
        String header = origin == null ? "" : "@" + origin;
        List<String> payloads = new ArrayList<>();
        StringBuilder current = new StringBuilder(header);
        int currentBytes = header.length();
        for (JobEvent e : events) {
            String line = e.jobId() + ":" + e.version() + ":" + e.status().value() + ":" + part(e.accountId()) + ":" + part(e.userId());
            int bytes = line.getBytes(StandardCharsets.UTF_8).length + 1;
            if (currentBytes > header.length() && currentBytes + bytes > MAX_BYTES) {
                payloads.add(current.toString());
                current.setLength(0);
                current.append(header);
                currentBytes = header.length();
            }
            if (currentBytes > 0) {
                current.append('\n');
            }
            current.append(line);
            currentBytes += bytes;
        }
        if (currentBytes > header.length()) {
            payloads.add(current.toString());
        }
        return payloads;
    }

    /** The sending process named by the payload's first line, or null when it names none. */
    public static String origin(String payload) {
        if (!payload.startsWith("@")) {
            return null;
        }
        int nl = payload.indexOf('\n');
        return payload.substring(1, nl < 0 ? payload.length() : nl);
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
