/**
 * Completion notifications: an outbox written by a trigger on the jobs table (migration V2, both dialects), in the
 * same transaction as the status change, and delivered from there.
 *
 * <ul>
 *   <li>{@link dev.longrun.notify.NotificationStore} (with {@link dev.longrun.notify.WebhookStore} and
 *       {@link dev.longrun.notify.PreferenceStore}): the tables, SQL in {@code db/<dialect>/notifications.sql}.</li>
 *   <li>{@link dev.longrun.notify.Dispatcher}: plans each notification once (text, channels) and delivers each
 *       (notification, channel) with leases, backoff and a record of every attempt; {@link dev.longrun.notify.Notifications#start}
 *       runs it next to an engine.</li>
 *   <li>{@link dev.longrun.notify.Channel}s: {@link dev.longrun.notify.WebhookChannel} here (signed, SSRF-guarded by
 *       {@link dev.longrun.notify.WebhookUrls}); email lives in the Spring starter.</li>
 *   <li>{@link dev.longrun.notify.NotificationText}: what a notification says, from the job.</li>
 * </ul>
 * See docs/NOTIFICATIONS.md and docs/WEBHOOKS.md.
 */
package dev.longrun.notify;
