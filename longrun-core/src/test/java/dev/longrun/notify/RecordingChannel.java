package dev.longrun.notify;

import dev.longrun.Job;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An email channel for tests: records what it was asked to send and answers with scripted outcomes (then "sent"). */
final class RecordingChannel implements Channel {

    record Sent(Delivery delivery, Notification notification, Job job) {
    }

    final List<Sent> attempts = new CopyOnWriteArrayList<>();
    private final Deque<DeliveryOutcome> script = new ArrayDeque<>();

    synchronized RecordingChannel thenAnswer(DeliveryOutcome... outcomes) {
        script.addAll(List.of(outcomes));
        return this;
    }

    @Override
    public boolean serves(String channel) {
        return channel.equals(Delivery.EMAIL);
    }

    @Override
    public DeliveryOutcome deliver(Delivery delivery, Notification notification, Job job) {
        attempts.add(new Sent(delivery, notification, job));
        synchronized (this) {
            return script.isEmpty() ? DeliveryOutcome.sent() : script.poll();
        }
    }
}
