package dev.longrun.bench.http;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The bench client's own stop-the-world collections while it measures: a frame that arrives during one is stamped when
 * the pause ends, so the client's pauses add to the latencies it reports (in the fifth and sixth passes the widest gap
 * of a slow change was more than once the client's young pause). G1's concurrent cycle is left out: it runs beside the
 * reader, and its own short pauses (Remark, Cleanup) are not reported by that bean one by one.
 */
final class ClientGcPauses implements NotificationListener, AutoCloseable {

    /** One pause: when it began (wall clock, millisecond precision) and how long it stopped the client. */
    record Pause(String collector, Instant start, long millis) {
        Instant end() {
            return start.plusMillis(millis);
        }

        boolean overlaps(Instant from, Instant to) {
            return !end().isBefore(from) && !start.isAfter(to);
        }
    }

    private final long jvmStartMillis = ManagementFactory.getRuntimeMXBean().getStartTime();
    private final ConcurrentLinkedQueue<Pause> pauses = new ConcurrentLinkedQueue<>();
    private final List<NotificationEmitter> emitters = new ArrayList<>();

    ClientGcPauses() {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter && !gc.getName().contains("Concurrent")) {
                emitter.addNotificationListener(this, null, null);
                emitters.add(emitter);
            }
        }
    }

    @Override
    public void handleNotification(Notification n, Object handback) {
        if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
            GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
            pauses.add(new Pause(info.getGcName(), Instant.ofEpochMilli(jvmStartMillis + info.getGcInfo().getStartTime()),
                    info.getGcInfo().getDuration()));
        }
    }

    /** The pauses so far, oldest first. */
    List<Pause> pauses() {
        return List.copyOf(pauses);
    }

    @Override
    public void close() {
        for (NotificationEmitter emitter : emitters) {
            try {
                emitter.removeNotificationListener(this);
            } catch (ListenerNotFoundException ignored) {
                // never added
            }
        }
    }
}
