package dev.longrun.store;

import static dev.longrun.JobStatus.CANCELLED;
import static dev.longrun.JobStatus.FAILED;
import static dev.longrun.JobStatus.NEEDS_ACTION;
import static dev.longrun.JobStatus.PENDING;
import static dev.longrun.JobStatus.RUNNING;
import static dev.longrun.JobStatus.SUCCEEDED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.longrun.JobStatus;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * All 36 (from, to) pairs of {@link JobStatus#canMoveTo} against the state diagram in DESIGN.md, which the
 * store's guarded statements implement (the statement moving each pair is named in {@link #ALLOWED}).
 */
class TransitionTableTest {

    /** DESIGN.md "Job states", with the store statement that makes each move. */
    private static final Map<JobStatus, Set<JobStatus>> ALLOWED = Map.of(
            PENDING, EnumSet.of(
                    RUNNING,        // ClaimJobs
                    CANCELLED,      // CancelPending
                    FAILED),        // FailPending: the job it waits for failed
            RUNNING, EnumSet.of(
                    SUCCEEDED,      // FinishSucceeded
                    FAILED,         // FinishFailed, RescueExpired on the last attempt
                    NEEDS_ACTION,   // FinishNeedsAction
                    PENDING,        // FinishRetry, RescueExpired, ReleaseJobs, UnclaimJobs
                    CANCELLED),     // FinishCancelled: the worker saw the cancel request
            NEEDS_ACTION, EnumSet.of(
                    PENDING,        // Confirm
                    CANCELLED),     // CancelNeedsAction
            SUCCEEDED, EnumSet.noneOf(JobStatus.class),
            FAILED, EnumSet.noneOf(JobStatus.class),
            CANCELLED, EnumSet.noneOf(JobStatus.class));

    static Stream<Arguments> everyPair() {
        return Stream.of(JobStatus.values()).flatMap(from -> Stream.of(JobStatus.values()).map(to -> Arguments.of(from, to)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("everyPair")
    void canMoveToMatchesTheDesignTable(JobStatus from, JobStatus to) {
        assertThat(from.canMoveTo(to)).isEqualTo(ALLOWED.get(from).contains(to));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("statuses")
    void terminalStatesAreExactlyThoseWithoutExits(JobStatus status) {
        assertThat(status.isTerminal()).isEqualTo(ALLOWED.get(status).isEmpty());
        assertThat(status.isActive()).isEqualTo(JobStatus.active().contains(status));
        assertThat(JobStatus.fromValue(status.value())).isEqualTo(status);
    }

    static Stream<JobStatus> statuses() {
        return Stream.of(JobStatus.values());
    }
}
