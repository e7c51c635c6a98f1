package dev.longrun.server.logs;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.EnumMap;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The server's {@code logback.events} counter (per level, as Spring Boot's Logback metrics name it), counted by an
 * appender on the root logger instead of Spring Boot's turbo filter, which {@code application.yml} leaves out. A turbo
 * filter is consulted on every level check of every logger, including the many {@code isDebugEnabled()} checks Jetty
 * makes per request with debug logging off: 7 % of the server's CPU per 304 in a profile (docs/benchmarks/http.md). The
 * appender runs only for events that are written, so a quiet log costs nothing. It counts what reaches the root
 * logger's appenders, which for this server's configuration is every event logged.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = {"ch.qos.logback.classic.LoggerContext", "io.micrometer.core.instrument.MeterRegistry"})
class LogEventMetrics {

    @Bean
    Counts longrunLogEventCounts() {
        return new Counts();
    }

    /** Attaches the counting appender when the registry binds it; detaches it when the context closes. */
    static final class Counts implements MeterBinder, AutoCloseable {

        private LoggerContext context;
        private Counting appender;

        @Override
        public synchronized void bindTo(MeterRegistry registry) {
            if (appender == null && LoggerFactory.getILoggerFactory() instanceof LoggerContext logback) {
                context = logback;
                appender = new Counting(registry);
                appender.setName("longrun-log-event-counts");
                appender.setContext(logback);
                appender.start();
                logback.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(appender);
            }
        }

        @Override
        public synchronized void close() {
            if (appender != null) {
                context.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(appender);
                appender.stop();
                appender = null;
            }
        }
    }

    /** Counts each written event under its level; unsynchronized, since the counters are thread-safe and every event passes here. */
    static final class Counting extends UnsynchronizedAppenderBase<ILoggingEvent> {

        private final EnumMap<LevelName, Counter> counters = new EnumMap<>(LevelName.class);

        Counting(MeterRegistry registry) {
            for (LevelName level : LevelName.values()) {
                counters.put(level, Counter.builder("logback.events").tag("level", level.tag)
                        .description("Log events written, counted at the root logger").register(registry));
            }
        }

        @Override
        protected void append(ILoggingEvent event) {
            counters.get(LevelName.of(event.getLevel())).increment();
        }
    }

    /** Logback's levels as the counter's tag (Logback's own Level is not an enum). */
    enum LevelName {
        ERROR("error"), WARN("warn"), INFO("info"), DEBUG("debug"), TRACE("trace");

        final String tag;

        LevelName(String tag) {
            this.tag = tag;
        }

        static LevelName of(Level level) {
            return switch (level.toInt()) {
                case Level.ERROR_INT -> ERROR;
                case Level.WARN_INT -> WARN;
                case Level.INFO_INT -> INFO;
                case Level.DEBUG_INT -> DEBUG;
                default -> TRACE;
            };
        }
    }
}
