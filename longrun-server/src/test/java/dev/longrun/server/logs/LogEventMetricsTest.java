package dev.longrun.server.logs;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import dev.longrun.server.testing.RunningServer;
import dev.longrun.server.testing.SqliteFile;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The server counts written log events per level, with no filter consulted on each level check. */
class LogEventMetricsTest {

    @Test
    void writtenEventsAreCountedPerLevelAndALevelCheckConsultsNoFilter() throws Exception {
        try (SqliteFile dir = SqliteFile.create();
             RunningServer server = RunningServer.start(Map.of("longrun.data-dir", dir.dir().toString(), "longrun-demo.contacts", 0))) {
            LoggerContext logback = (LoggerContext) LoggerFactory.getILoggerFactory();
            MeterRegistry registry = server.bean(MeterRegistry.class);
            double warnings = count(registry, "warn");
            double debugs = count(registry, "debug");

            org.slf4j.Logger log = LoggerFactory.getLogger("dev.longrun.server.logs.test");
            log.warn("one warning, counted");
            log.debug("below the level: neither written nor counted");

            assertThat(logback.getTurboFilterList()).as("filters consulted on every isDebugEnabled()").isEmpty();
            assertThat(count(registry, "warn")).isEqualTo(warnings + 1);
            assertThat(count(registry, "debug")).isEqualTo(debugs);
        }
    }

    private static double count(MeterRegistry registry, String level) {
        return registry.get("logback.events").tag("level", level).meter().measure().iterator().next().getValue();
    }
}
