package dev.longrun.notify;

import dev.longrun.Job;

/**
 * A way out for notifications besides the inbox: email, webhooks. Registered with the {@link Dispatcher};
 * {@link #deliver} is called once per attempt, outside any transaction, and must not throw for expected
 * failures (return {@link DeliveryOutcome#retry} or {@link DeliveryOutcome#giveUp}).
 */
public interface Channel {

    /** True for the delivery channels this one serves ({@code email}; {@code webhook:<id>}). */
    boolean serves(String channel);

    /** @param job the job now, or null when it was deleted since */
    DeliveryOutcome deliver(Delivery delivery, Notification notification, Job job);
}
