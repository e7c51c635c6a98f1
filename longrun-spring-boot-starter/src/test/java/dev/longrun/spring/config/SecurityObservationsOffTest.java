package dev.longrun.spring.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.longrun.spring.support.Api;
import dev.longrun.spring.support.SqliteStore;
import dev.longrun.spring.testapp.TestApp;
import io.micrometer.observation.ObservationPredicate;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.test.context.ContextConfiguration;

/**
 * With Spring Security's observations off (the starter's default), a request through the API's filter chain does not
 * even ask the registry about them: Spring Security builds the chain without its observation wrappers
 * ({@link SecurityObservationsOff}), while the request's own {@code http.server.requests} observation stays.
 */
@SpringBootTest(classes = {TestApp.class, SecurityObservationsOffTest.AskedNames.class}, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = SqliteStore.class)
class SecurityObservationsOffTest {

    @LocalServerPort
    int port;
    @Autowired
    AskedNames asked;

    @Test
    void requestsThroughSpringSecurityAskForNoSecurityObservation() {
        Api.Res list = new Api(port).get("/api/jobs").as(Api.Who.apiKey("acme", "observer")).send();
        Api.Res refused = new Api(port).get("/api/jobs").as(Api.Who.nobody()).send();

        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(asked.names).contains("http.server.requests");
        assertThat(asked.names).noneMatch(name -> name.startsWith("spring.security"));
    }

    /** Every observation name the registry is asked about, through a predicate that allows them all. */
    @Configuration(proxyBeanMethods = false)
    static class AskedNames {

        final Set<String> names = ConcurrentHashMap.newKeySet();

        /** First of the predicates, so the one that turns Spring Security's observations off cannot hide a question. */
        @Bean
        @Order(Ordered.HIGHEST_PRECEDENCE)
        ObservationPredicate recordAskedNames() {
            return (name, context) -> names.add(name) || true;
        }
    }
}
