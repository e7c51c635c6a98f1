package dev.longrun.spring.config;

import dev.longrun.Longrun;
import dev.longrun.spring.metrics.LongrunMetrics;
import dev.longrun.spring.sse.SseHub;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/** Registers Longrun's meters (jobs by type and state, pickup latency, queue depth, SSE subscribers) with Micrometer. */
@AutoConfiguration(after = LongrunWebAutoConfiguration.class)
@ConditionalOnClass(name = "io.micrometer.core.instrument.MeterRegistry")
@ConditionalOnBean(SseHub.class)
public class LongrunMetricsAutoConfiguration {

    @Bean
    public LongrunMetrics longrunMetrics(Longrun longrun, SseHub hub) {
        return new LongrunMetrics(longrun, hub);
    }
}
