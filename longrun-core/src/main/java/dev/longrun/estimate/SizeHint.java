package dev.longrun.estimate;

import dev.longrun.Job;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The size of a job's work before it runs, where its params give one (a list of ids, a row
 * count), so its expected duration comes from runs of a similar size.
 */
final class SizeHint {

    /** Params fields that, by convention, count the units of work. */
    private static final List<String> COUNT_FIELDS = List.of("rows", "row_count", "count", "size", "total", "items");

    private SizeHint() {
    }

    static Long of(Job job) {
        if (job.progressTotal() != null && job.progressTotal() > 0 && job.totalSteps() == null) {
            return job.progressTotal();
        }
        return fromParams(job.params());
    }

    static Long fromParams(JsonNode params) {
        if (params == null || !params.isObject()) {
            return null;
        }
        for (String field : COUNT_FIELDS) {
            JsonNode n = params.get(field);
            if (n != null && n.isIntegralNumber() && n.asLong() > 0) {
                return n.asLong();
            }
        }
        for (JsonNode value : params.values()) {
            if (value.isArray() && !value.isEmpty()) {
                return (long) value.size(); // e.g. contact_ids: one unit of work per element
            }
        }
        return null;
    }
}
