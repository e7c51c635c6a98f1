package com.example.shop;

import dev.longrun.JobHandler;
import dev.longrun.JobResult;
import dev.longrun.JobType;
import dev.longrun.PermanentFailure;
import dev.longrun.ResultFile;
import dev.longrun.spring.LongrunJob;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The shop's job types, declared in the two ways the starter takes: a {@code @LongrunJob} handler and a {@code JobType}. */
@Configuration(proxyBeanMethods = false)
class ReportJobs {

    /** Params of {@code orders.report}: whose orders, over how many months (one step each). */
    public record ReportParams(String customer, int months) {
    }

    /** Params of {@code orders.archive}. */
    public record ArchiveParams(int olderThanDays) {
    }

    /** A CSV of the customer's orders, month by month, with progress a person can follow. */
    @Bean
    @LongrunJob(value = "orders.report", label = "Orders report", cancelEffect = "No report file is kept.")
    JobHandler<ReportParams> ordersReport(Orders orders, @Value("${shop.report.month-delay:1s}") Duration monthDelay) {
        return ctx -> {
            ReportParams p = ctx.params();
            if (p.months() < 1 || p.months() > 24) {
                throw new PermanentFailure("months must be from 1 to 24 (was " + p.months() + ")");
            }
            List<Orders.Order> rows = orders.of(p.customer());
            for (int month = 1; month <= p.months(); month++) {
                ctx.throwIfCancelled();
                ctx.progress(month, p.months(), "Adding up month " + month + " of " + p.months());
                Thread.sleep(monthDelay.toMillis()); // stands in for a slow query per month
            }
            ResultFile file = ctx.resultFile("orders-" + (p.customer() == null ? "all" : p.customer()) + ".csv", "text/csv", out -> {
                Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                w.write("id,customer,placed,total\n");
                for (Orders.Order o : rows) {
                    w.write(o.id() + "," + o.customer() + "," + o.placed() + "," + o.total() + "\n");
                }
                w.flush();
                return (long) rows.size();
            });
            return JobResult.file(file, rows.size() + " orders in the report");
        };
    }

    /** Declared as a JobType: the way to set a label, timeout or retry policy in code. */
    @Bean
    JobType<ArchiveParams> ordersArchive() {
        return JobType.builder("orders.archive", ArchiveParams.class, ctx -> {
            ctx.indeterminate("Archiving orders older than " + ctx.params().olderThanDays() + " days");
            return JobResult.message("Nothing to archive yet");
        }).label("Archive old orders").timeout(Duration.ofMinutes(10)).build();
    }
}
