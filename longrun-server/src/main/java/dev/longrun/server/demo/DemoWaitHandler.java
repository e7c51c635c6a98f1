package dev.longrun.server.demo;

import dev.longrun.JobContext;
import dev.longrun.JobHandler;
import dev.longrun.JobResult;
import dev.longrun.LogLevel;
import dev.longrun.PermanentFailure;
import dev.longrun.server.NumberWords;
import java.time.Duration;

/**
 * {@code demo.wait}: waits the given time in short slices, reporting steps or an indeterminate sentence,
 * checking for cancel every slice so a cancel takes effect within a fraction of a second. Fails on request,
 * halfway through, to show retries and failure messages.
 */
public final class DemoWaitHandler implements JobHandler<DemoWaitParams> {

    static final long SLICE_MILLIS = 100;

    @Override
    public JobResult run(JobContext<DemoWaitParams> ctx) throws Exception {
        DemoWaitParams p = ctx.params();
        long totalMillis = p.seconds() * 1000L;
        long halfway = totalMillis / 2;
        long started = System.nanoTime();
        ctx.log(LogLevel.INFO, "Waiting " + p.seconds() + " s" + (p.steps() > 0 ? " in " + p.steps() + " steps" : ""));
        int lastStep = 0;
        while (true) {
            ctx.throwIfCancelled();
            long elapsed = Duration.ofNanos(System.nanoTime() - started).toMillis();
            if (elapsed >= halfway) {
                failIfAsked(ctx, p);
            }
            if (elapsed >= totalMillis) {
                break;
            }
            if (p.steps() > 0) {
                int step = (int) Math.min(p.steps(), 1 + elapsed * p.steps() / Math.max(1, totalMillis));
                if (step != lastStep) {
                    ctx.step(step, p.steps(), "Working on step " + step + " of " + p.steps());
                    lastStep = step;
                }
            } else {
                // No elapsed time in the sentence: the card counts it ("Running for 3 s"), and two clocks would disagree.
                ctx.indeterminate("Waiting — this demo job cannot count its work, so there is no percentage");
            }
            Thread.sleep(Math.min(SLICE_MILLIS, Math.max(1, totalMillis - elapsed)));
        }
        return JobResult.message("Waited " + NumberWords.count(p.seconds(), "second") + (ctx.attempt() > 1 ? " (attempt " + ctx.attempt() + ")" : ""));
    }

    private static void failIfAsked(JobContext<DemoWaitParams> ctx, DemoWaitParams p) {
        if (p.fail() == DemoWaitParams.Fail.PERMANENT) {
            // In the words of the demo page's form ("How it ends"), not the param's syntax: a person reads this on the card.
            throw new PermanentFailure("demo_failure", "This demo job was set to end with an error. To see it complete, start over "
                    + "and choose “Completes normally”.");
        }
        if (p.fail() == DemoWaitParams.Fail.TRANSIENT_ONCE && ctx.attempt() == 1) {
            ctx.log(LogLevel.WARN, "Simulated temporary problem on attempt 1; Longrun retries the job, no need to start it again");
            // Whether it is retried is the engine's to say (the job page says so, and when): the message says what went wrong.
            throw new IllegalStateException("Simulated temporary problem on the first attempt, as asked");
        }
    }
}
