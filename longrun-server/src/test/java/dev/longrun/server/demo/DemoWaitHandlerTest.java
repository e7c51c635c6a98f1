package dev.longrun.server.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.longrun.JobCancelledException;
import dev.longrun.PermanentFailure;
import dev.longrun.server.testing.FakeJobContext;
import org.junit.jupiter.api.Test;

class DemoWaitHandlerTest {

    @Test
    void stepsAreReportedInOrder() throws Exception {
        FakeJobContext<DemoWaitParams> ctx = new FakeJobContext<>("a", "u", new DemoWaitParams(1, 3, null), 1, false);
        assertThat(new DemoWaitHandler().run(ctx).message()).isEqualTo("Waited 1 second");
        assertThat(ctx.messages).containsSubsequence("step 1/3: Working on step 1 of 3", "step 2/3: Working on step 2 of 3",
                "step 3/3: Working on step 3 of 3");
    }

    @Test
    void zeroStepsIsIndeterminate() throws Exception {
        FakeJobContext<DemoWaitParams> ctx = new FakeJobContext<>("a", "u", new DemoWaitParams(1, 0, null), 1, false);
        new DemoWaitHandler().run(ctx);
        assertThat(ctx.progress).isEmpty();
        assertThat(ctx.messages).allMatch(m -> m.startsWith("Waiting — "));
    }

    @Test
    void transientOnceFailsTheFirstAttemptOnlyAndNotAsPermanent() throws Exception {
        DemoWaitParams params = new DemoWaitParams(0, 0, DemoWaitParams.Fail.of("transient-once"));
        FakeJobContext<DemoWaitParams> first = new FakeJobContext<>("a", "u", params, 1, false);
        assertThatThrownBy(() -> new DemoWaitHandler().run(first)).isNotInstanceOf(PermanentFailure.class)
                .hasMessage("Simulated temporary problem on the first attempt, as asked");
        assertThat(new DemoWaitHandler().run(first.rerun(2, false)).message()).isEqualTo("Waited 0 seconds (attempt 2)");
    }

    @Test
    void permanentFailsWithAMessageForAPerson() {
        FakeJobContext<DemoWaitParams> ctx = new FakeJobContext<>("a", "u", new DemoWaitParams(0, 2, DemoWaitParams.Fail.PERMANENT), 1, false);
        assertThatThrownBy(() -> new DemoWaitHandler().run(ctx)).isInstanceOf(PermanentFailure.class)
                // The demo page's words for the choice, not the param's syntax ("Start it again with fail=never").
                .hasMessageStartingWith("This demo job was set to end with an error").hasMessageContaining("“Completes normally”")
                .hasMessageNotContaining("fail=");
    }

    @Test
    void cancelStopsWithinAFractionOfASecond() {
        FakeJobContext<DemoWaitParams> ctx = new FakeJobContext<>("a", "u", new DemoWaitParams(60, 0, null), 1, false)
                .cancelWhen(m -> true);
        long started = System.nanoTime();
        assertThatThrownBy(() -> new DemoWaitHandler().run(ctx)).isInstanceOf(JobCancelledException.class);
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(1000);
    }

    @Test
    void paramsOutOfRangeAreRefusedWithTheAllowedValues() {
        try (var factory = jakarta.validation.Validation.buildDefaultValidatorFactory()) {
            assertThat(factory.getValidator().validate(new DemoWaitParams(-1, 0, null)))
                    .extracting(v -> v.getPropertyPath().toString()).containsExactly("seconds");
            assertThat(factory.getValidator().validate(new DemoWaitParams(3600, 101, null)))
                    .extracting(v -> v.getPropertyPath().toString()).containsExactly("steps");
        }
        assertThatThrownBy(() -> DemoWaitParams.Fail.of("sometimes"))
                .hasMessage("fail must be one of never, transient-once, permanent, not 'sometimes'");
    }
}
