package dev.longrun.spring.config;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Defaults the starter needs, with the lowest precedence so any application setting wins: request threads are
 * virtual (event streams hold connections open), and health and Prometheus metrics are exposed over HTTP.
 */
public class LongrunDefaults implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new MapPropertySource("longrunDefaults", Map.of(
                "spring.threads.virtual.enabled", "true",
                "management.endpoints.web.exposure.include", "health,info,prometheus",
                "management.endpoint.health.show-components", "always",
                "server.error.include-stacktrace", "never",
                "server.error.whitelabel.enabled", "false")));
    }
}
