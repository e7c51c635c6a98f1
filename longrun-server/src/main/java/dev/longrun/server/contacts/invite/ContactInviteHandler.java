package dev.longrun.server.contacts.invite;

import dev.longrun.ItemStatus;
import dev.longrun.Job;
import dev.longrun.JobCancelledException;
import dev.longrun.JobContext;
import dev.longrun.JobHandler;
import dev.longrun.JobItem;
import dev.longrun.JobResult;
import dev.longrun.LogLevel;
import dev.longrun.PermanentFailure;
import dev.longrun.server.NumberWords;
import dev.longrun.server.contacts.Contact;
import dev.longrun.server.contacts.ContactFilter;
import dev.longrun.server.contacts.ContactRepository;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code contacts.invite}: sends each selected contact an invitation. Each contact is one item: invalid or
 * refused addresses fail at once with the reason, transient SMTP errors are retried a few times for that
 * contact alone. A later run of the same job (retry, or after a restart) skips contacts already invited, so
 * nobody gets two emails.
 */
public final class ContactInviteHandler implements JobHandler<InviteParams> {

    static final int PAGE = 500;
    static final int SEND_ATTEMPTS = 3;

    private final ContactRepository contacts;
    private final InvitationSender sender;
    /** Items a previous attempt of the job recorded as sent; empty when the engine has none. */
    private final Function<Job, Set<String>> alreadySent;
    private final Duration sendRetryDelay;

    public ContactInviteHandler(ContactRepository contacts, InvitationSender sender,
                                Function<Job, Set<String>> alreadySent, Duration sendRetryDelay) {
        this.contacts = contacts;
        this.sender = sender;
        this.alreadySent = alreadySent;
        this.sendRetryDelay = sendRetryDelay;
    }

    /** retry-failed: a new job over the contacts whose items failed (their keys are contact ids). */
    public static InviteParams failedOnly(InviteParams original, List<JobItem> failed) {
        return InviteParams.ofIds(failed.stream().map(JobItem::key).map(Long::valueOf).toList());
    }

    @Override
    public JobResult run(JobContext<InviteParams> ctx) throws Exception {
        Job job = ctx.job();
        // Asked on every run, not only when attempt > 1: a job handed back at shutdown runs again with the same attempt.
        Set<String> skip = alreadySent.apply(job);
        Tally tally = new Tally();
        InviteParams params = ctx.params();
        if (params.contactIds() != null) {
            List<Contact> found = contacts.byIds(job.accountId(), params.contactIds());
            Set<Long> missing = new HashSet<>(params.contactIds());
            found.forEach(c -> missing.remove(c.id()));
            long total = found.size() + missing.size();
            for (Long id : missing) {
                ctx.item(Long.toString(id)).detail(Map.of("contact_id", id)).skipped("Contact " + id + " no longer exists");
                tally.skipped++;
            }
            inviteAll(ctx, found, skip, tally, total);
        } else {
            ContactFilter filter = ContactFilter.of(params.query());
            long total = contacts.count(job.accountId(), filter);
            long after = 0;
            while (true) {
                List<Contact> page = contacts.page(job.accountId(), filter, after, PAGE);
                if (page.isEmpty()) {
                    break;
                }
                inviteAll(ctx, page, skip, tally, total);
                after = page.get(page.size() - 1).id();
            }
        }
        return finish(ctx, tally);
    }

    private void inviteAll(JobContext<InviteParams> ctx, List<Contact> batch, Set<String> skip, Tally tally, long total)
            throws InterruptedException {
        for (Contact contact : batch) {
            ctx.throwIfCancelled();
            String key = Long.toString(contact.id());
            if (skip.contains(key)) {
                tally.sent++;
            } else {
                inviteOne(ctx, contact, key, tally);
            }
            long done = tally.sent + tally.failed + tally.skipped;
            ctx.progress(done, Math.max(total, done), "Sending invitation " + NumberWords.number(done) + " of " + NumberWords.number(total));
        }
    }

    private void inviteOne(JobContext<InviteParams> ctx, Contact contact, String key, Tally tally) throws InterruptedException {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("contact_id", contact.id());
        detail.put("name", contact.name());
        detail.put("email", contact.email());
        JobContext.ItemOutcome item = ctx.item(key).detail(detail);
        Invitation invitation = invitation(ctx.job(), contact);
        for (int attempt = 1; ; attempt++) {
            try {
                sender.send(invitation);
                item.succeeded();
                tally.sent++;
                return;
            } catch (InvitationSender.RejectedAddress e) {
                // No address, or one the mail server refuses: sending again fails again until the contact is fixed.
                item.failedPermanently(e.getMessage());
                tally.failed++;
                tally.firstReason = tally.firstReason == null ? e.getMessage() : tally.firstReason;
                return;
            } catch (JobCancelledException | InterruptedException e) {
                throw e;
            } catch (Exception e) {
                if (attempt >= SEND_ATTEMPTS) {
                    String reason = "The mail server did not accept the message after " + SEND_ATTEMPTS + " tries: " + e.getMessage();
                    item.failed(reason);
                    tally.failed++;
                    tally.firstReason = tally.firstReason == null ? reason : tally.firstReason;
                    return;
                }
                ctx.log(LogLevel.WARN, "Sending to " + contact.email() + " failed (" + e.getMessage() + "); trying again");
                Thread.sleep(sendRetryDelay.toMillis() * attempt);
            }
        }
    }

    private JobResult finish(JobContext<InviteParams> ctx, Tally tally) {
        // Counts of nothing are left out ("2 invitations sent", not "…, 0 failed"), except the sent count when it is 0.
        String summary = NumberWords.count(tally.sent, "invitation") + " sent"
                + (tally.failed > 0 ? ", " + NumberWords.number(tally.failed) + " failed" : "")
                + (tally.skipped > 0 ? ", " + NumberWords.number(tally.skipped) + " skipped" : "");
        ctx.log(LogLevel.INFO, summary);
        if (tally.sent == 0 && tally.failed > 0) {
            throw new PermanentFailure("nothing_sent", "No invitation could be sent: " + summary + " (first: " + tally.firstReason
                    + "). Fix the addresses or the mail settings, then use Retry failed.");
        }
        return JobResult.message(summary);
    }

    private static Invitation invitation(Job job, Contact contact) {
        String subject = "You're invited to join " + job.accountId() + " on Longrun";
        String body = "Hello " + contact.name() + ",\n\n"
                + job.userId() + " invited you to join the " + job.accountId() + " workspace.\n\n"
                + "This invitation was sent by job " + job.id() + ".\n";
        return new Invitation(job.accountId(), job.userId(), job.id(), contact.email(), subject, body);
    }

    private static final class Tally {
        long sent;
        long failed;
        long skipped;
        String firstReason;
    }

    /** For the engine wiring: the keys of items a job already recorded as sent. */
    public static Set<String> sentKeys(List<JobItem> items) {
        Set<String> keys = new HashSet<>();
        for (JobItem item : items) {
            if (item.status() == ItemStatus.SUCCEEDED) {
                keys.add(item.key());
            }
        }
        return keys;
    }
}
