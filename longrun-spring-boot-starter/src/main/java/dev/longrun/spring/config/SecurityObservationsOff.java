package dev.longrun.spring.config;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.observation.SecurityObservationSettings;

/**
 * Keeps Spring Security from wrapping its filters at all while its observations are off
 * ({@code management.observations.enable.spring.security=false}, a {@link LongrunDefaults} default). The property
 * only turns each observation into a no-op: Spring Security still wraps every filter of every chain in its
 * observation decorator and asks the registry per filter and request, 6.6 % of the server's CPU in a profile of
 * status reads (docs/benchmarks/http.md). These settings make it build the chain without the decorator, and without the
 * observing authentication and authorization managers. An application that sets the property to {@code true}, or
 * declares its own settings, gets Spring Security's behaviour back.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "management.observations.enable.spring.security", havingValue = "false")
class SecurityObservationsOff {

    @Bean
    @ConditionalOnMissingBean(SecurityObservationSettings.class)
    static SecurityObservationSettings longrunSecurityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }
}
