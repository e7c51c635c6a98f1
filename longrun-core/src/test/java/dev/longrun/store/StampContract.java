package dev.longrun.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.longrun.Job;
import dev.longrun.JobStamp;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@link JobStore#findStamp}: the owner and version a 304 compares, always those {@link JobStore#find} reads. */
abstract class StampContract extends StoreTests {

    @Test
    void aStampNamesTheOwnerAndVersionOfTheStoredJob() {
        Job job = insert(JobSpec.job().account("globex").user("carol"));
        insert(JobSpec.job().account("acme").user("ann"));

        assertThat(store().findStamp(job.id())).contains(new JobStamp(job.id(), "globex", "carol", job.version()));
    }

    @Test
    void aStampFollowsEveryChangeOfTheJob() {
        Job job = running(JobSpec.job());
        store().saveProgress(List.of(new ProgressUpdate(job.id(), WORKER, 1L, 4L, "one of four", null, null, T0.plusSeconds(1))));
        store().requestCancel(job.id(), T0.plusSeconds(2));
        Job now = reload(job.id());

        assertThat(now.version()).isGreaterThan(job.version() + 1);
        assertThat(store().findStamp(job.id())).contains(new JobStamp(job.id(), now.accountId(), now.userId(), now.version()));
    }

    @Test
    void aJobOfNoUserHasAStampWithoutOne() {
        Job job = insert(JobSpec.job().account(null).user(null));

        assertThat(store().findStamp(job.id())).contains(new JobStamp(job.id(), null, null, job.version()));
    }

    @Test
    void thereIsNoStampOfAJobThatIsNotStored() {
        insert(JobSpec.job());

        assertThat(store().findStamp(UUID.randomUUID())).isEmpty();
    }
}
