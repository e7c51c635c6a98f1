package dev.longrun.server.seed;

import dev.longrun.server.NumberWords;
import dev.longrun.server.contacts.ContactFilter;
import dev.longrun.server.contacts.ContactRepository;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;

/**
 * Seeds the demo contacts of each demo account on first start ({@code longrun-demo.contacts}, default 3,000):
 * only into an account that has no contacts yet, so restarts never add more. Batches of 1,000 rows, one
 * transaction each, so 100,000 contacts take seconds.
 */
public final class ContactSeeder {

    private static final Logger LOG = LoggerFactory.getLogger(ContactSeeder.class);
    static final int BATCH = 1000;

    private final ContactRepository contacts;

    public ContactSeeder(ContactRepository contacts) {
        this.contacts = contacts;
    }

    /** Returns how many contacts were added (0 when the account already had contacts). */
    public long seed(String accountId, int count) {
        if (count <= 0 || contacts.count(accountId, ContactFilter.ALL) > 0) {
            return 0;
        }
        long started = System.nanoTime();
        long inserted = 0;
        for (int from = 0; from < count; from += BATCH) {
            inserted += contacts.insertBatch(accountId, DemoContacts.range(from, Math.min(count, from + BATCH)), null);
        }
        LOG.info("Seeded {} demo contacts into account '{}' in {} ms", NumberWords.number(inserted), accountId,
                (System.nanoTime() - started) / 1_000_000);
        return inserted;
    }

    public void seedAll(List<String> accounts, int count) {
        accounts.forEach(account -> seed(account, count));
    }

    /**
     * {@link #seedAll} at startup: a database that is away for a moment (restarting) is tried again every {@code pause}
     * for up to {@code patience}, then the seeding is skipped with a warning. Demo data never stops a node from
     * starting: the chaos run saw a node exit because PostgreSQL restarted while it counted contacts.
     *
     * @return whether the seeding ran
     */
    public boolean seedAllOnceReachable(List<String> accounts, int count, Duration patience, Duration pause)
            throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            try {
                seedAll(accounts, count);
                return true;
            } catch (DataAccessResourceFailureException | TransientDataAccessException away) {
                if (System.nanoTime() + pause.toNanos() > deadline) {
                    LOG.warn("Demo contacts not seeded: the database stayed unreachable for {} s ({}); the next start tries again",
                            patience.toSeconds(), away.getMessage());
                    return false;
                }
                LOG.info("Database unreachable while seeding demo contacts ({}); trying again", away.getMessage());
                Thread.sleep(pause);
            }
        }
    }
}
