package dev.longrun.notify;

import dev.longrun.Job;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Which channels a notification goes to, decided once when it is planned: email by the user's choice for the job
 * type, else by default when the job ran longer than {@code emailAfter}; every enabled webhook of the account.
 *
 * @param markRead the user chose email only: the inbox keeps the entry, already read (no toast)
 */
record ChannelPlan(List<String> channels, boolean markRead) {

    static ChannelPlan decide(Notification n, Job job, List<Preference> preferences, List<Webhook> webhooks,
                              Duration emailAfter, boolean emailAvailable) {
        List<String> channels = new ArrayList<>();
        PreferenceChannel choice = job == null ? null : PreferenceStore.resolve(preferences, job.type());
        boolean email = choice == null ? ranLongerThan(job, n.createdAt(), emailAfter) : choice != PreferenceChannel.IN_APP;
        if (email && emailAvailable && n.userId() != null) {
            channels.add(Delivery.EMAIL);
        }
        for (Webhook w : webhooks) {
            channels.add(w.channel());
        }
        return new ChannelPlan(channels, choice == PreferenceChannel.EMAIL && email && emailAvailable);
    }

    /** How long the user waited: from the click that started the job to this outcome. */
    static boolean ranLongerThan(Job job, Instant outcomeAt, Duration threshold) {
        return job != null && Duration.between(job.createdAt(), outcomeAt).compareTo(threshold) > 0;
    }
}
