package dev.longrun.spring.config;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Defaults the starter needs, with the lowest precedence so any application setting wins: request threads are
 * virtual (event streams hold connections open), health and Prometheus metrics are exposed over HTTP (health's
 * details and the metrics to API-key callers only: {@link LongrunActuatorSecurity}), {@code X-Forwarded-*} headers
 * from a proxy on a private network are honoured (so a session cookie is Secure behind a TLS proxy), and Spring
 * Security's own observations (a timer and a long-task timer around each of the dozen filters, on every request) are
 * off: on a 2-core node they cost more than half the CPU of a {@code 304} status read (see docs/benchmarks/http.md).
 * {@code http.server.requests} metrics stay; set {@code management.observations.enable.spring.security=true} to get
 * the filter timings back.
 */
public class LongrunDefaults implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new MapPropertySource("longrunDefaults", Map.of(
                "spring.threads.virtual.enabled", "true",
                "management.endpoints.web.exposure.include", "health,info,prometheus",
                "management.endpoint.health.show-components", "when-authorized",
                "management.endpoint.health.show-details", "when-authorized",
                "server.forward-headers-strategy", "native",
                "management.observations.enable.spring.security", "false",
                "server.error.include-stacktrace", "never",
                "server.error.whitelabel.enabled", "false")));
    }
}
