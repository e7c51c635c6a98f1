package dev.longrun.event;

import dev.longrun.JobStatus;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The text form of job events in PostgreSQL NOTIFY payloads: one event per line, space-separated
 * {@code id version status account user} (account and user URL-encoded). Payloads are cut below
 * PostgreSQL's 8000-byte limit, so a batch may need several notifications.
 */
public final class EventCodec {

    public static final String CHANNEL = "longrun_jobs";
    static final int MAX_PAYLOAD_BYTES = 7_000;

    private EventCodec() {
    }

    public static List<String> encode(Collection<JobEvent> events) {
        List<String> payloads = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        for (JobEvent e : events) {
            String line = e.jobId() + " " + e.version() + " " + e.status().value() + " " + enc(e.accountId()) + " " + enc(e.userId());
            if (sb.length() + line.length() + 1 > MAX_PAYLOAD_BYTES && !sb.isEmpty()) {
                payloads.add(sb.toString());
                sb.setLength(0);
            }
            if (!sb.isEmpty()) {
                sb.append('\n');
            }
            sb.append(line);
        }
        if (!sb.isEmpty()) {
            payloads.add(sb.toString());
        }
        return payloads;
    }

    /** Lines that do not parse are skipped (another version of Longrun may share the channel). */
    public static List<JobEvent> decode(String payload) {
        List<JobEvent> events = new ArrayList<>();
        for (String line : payload.split("\n")) {
            String[] f = line.split(" ", -1);
            if (f.length != 5) {
                continue;
            }
            try {
                events.add(new JobEvent(UUID.fromString(f[0]), Long.parseLong(f[1]), dec(f[3]), dec(f[4]), JobStatus.fromValue(f[2])));
            } catch (IllegalArgumentException ignored) {
                // skip
            }
        }
        return events;
    }

    private static String enc(String s) {
        return s == null ? "~" : URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String dec(String s) {
        return "~".equals(s) ? null : URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
