package dev.longrun.bench.engine;

import dev.longrun.JobResult;
import dev.longrun.JobType;
import dev.longrun.Longrun;
import dev.longrun.LongrunBuilder;
import java.util.Map;
import javax.sql.DataSource;

/** The no-op job type our engine drains, and the builder every part of the engine benchmark starts from. */
final class NoopJobs {

    static final String TYPE = "bench.noop";

    private NoopJobs() {
    }

    /** A handler that only counts, so the drain measures the engine and the database, not the work. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    static JobType<Map> type(Runnable handled) {
        return JobType.builder(TYPE, Map.class, ctx -> {
            handled.run();
            return JobResult.done();
        }).build();
    }

    static LongrunBuilder builder(DataSource ds, String schema) {
        return Longrun.builder().dataSource(ds).schema(schema).nodeName("bench");
    }
}
