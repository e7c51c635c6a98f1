package dev.longrun.spring.testapp;

import dev.longrun.JobHandler;
import dev.longrun.JobItem;
import dev.longrun.JobResult;
import dev.longrun.JobType;
import dev.longrun.LogLevel;
import dev.longrun.PermanentFailure;
import dev.longrun.RetryPolicy;
import dev.longrun.TypeWords;
import dev.longrun.spring.LongrunJob;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The test application's job types, declared in each of the ways the starter accepts. */
@Configuration
public class TestJobs {

    public record StepParams(String gate, int steps) {
    }

    public record FailParams(String reason) {
    }

    public record ItemParams(List<String> items) {
    }

    public record ConfirmParams(int rows) {
    }

    /** Steps through {@code steps} steps, each waiting for gate {@code <gate>/<step>} (no gate: no waiting). */
    @Bean
    @LongrunJob(value = "test.steps", label = "Step through")
    public JobHandler<StepParams> stepsJob() {
        return ctx -> {
            StepParams p = ctx.params();
            if (p.gate() != null) {
                Gates.await(p.gate() + "/0", ctx);
            }
            for (int i = 1; i <= p.steps(); i++) {
                ctx.step(i, p.steps(), "Step " + i);
                if (p.gate() != null) {
                    Gates.await(p.gate() + "/" + i, ctx);
                }
            }
            return JobResult.message("Went through " + p.steps() + " steps");
        };
    }

    /**
     * On a queue no worker of the test application serves ({@code longrun.worker.queues}): its jobs stay in line until
     * cancelled, so a test can read places in line that no claim moves (a node claims ahead of its free workers).
     */
    @Bean
    @LongrunJob(value = "test.unserved", label = "Wait in line", queue = "unserved")
    public JobHandler<StepParams> unservedJob() {
        return ctx -> JobResult.message("Ran although no worker serves its queue");
    }

    @Bean
    public JobType<FailParams> failingJob() {
        return JobType.builder("test.fail", FailParams.class, ctx -> {
            throw new PermanentFailure("bad_input", ctx.params().reason());
        }).label("Always fails").retryPolicy(RetryPolicy.none()).build();
    }

    @Bean
    public ExportJob exportJob() {
        return new ExportJob();
    }

    /**
     * Items whose key contains "bad" fail (a retry may help), those with "lasting" fail for good; the rest succeed.
     * Retry-failed keeps only the failed keys.
     */
    @Bean
    public JobType<ItemParams> itemsJob() {
        JobHandler<ItemParams> handler = ctx -> {
            for (String key : ctx.params().items()) {
                if (key.contains("lasting")) {
                    ctx.item(key).failedPermanently("No email address");
                } else if (key.contains("bad")) {
                    ctx.item(key).detail(Map.of("value", "-1+1")).failed("=HYPERLINK(\"http://evil\") is not an email address");
                } else {
                    ctx.item(key).succeeded();
                }
            }
            ctx.log(LogLevel.INFO, "Checked " + ctx.params().items().size() + " items");
            return JobResult.message("Items checked");
        };
        return JobType.builder("test.items", ItemParams.class, handler).label("Check items")
                .words(TypeWords.of("✓", "Checking items", "Items checked", "check").withItems("items", "passed", "rejected"))
                .retryEffect("It checks every item again.")
                .retryFailedParams((ItemParams p, List<JobItem> failed) -> new ItemParams(failed.stream().map(JobItem::key).toList()))
                .build();
    }

    /** Stops for a preview first; after the confirm, finishes. */
    @Bean
    public JobType<ConfirmParams> confirmJob() {
        return JobType.builder("test.confirm", ConfirmParams.class, ctx -> {
            if (!ctx.confirmed()) {
                return ctx.needsAction("import_preview", ctx.params().rows() + " rows ready. Import them?",
                        Map.of("ready", ctx.params().rows(), "errors", 0));
            }
            return JobResult.message("Imported " + ctx.params().rows() + " rows");
        }).label("Import with preview").build();
    }
}
