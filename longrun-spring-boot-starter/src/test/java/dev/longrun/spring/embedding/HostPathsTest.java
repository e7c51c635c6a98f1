package dev.longrun.spring.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.longrun.spring.api.ApiPaths;
import com.example.orders.HostApp;
import com.example.orders.HostStore;
import dev.longrun.spring.support.Api;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** A host's own endpoints under {@code /api} keep the host's security; Longrun's keep Longrun's. */
@SpringBootTest(classes = HostApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = HostStore.class)
class HostPathsTest {

    private static final Api.Who LONGRUN_CALLER = Api.Who.apiKey("acme", "host-user");

    @LocalServerPort
    int port;
    @Autowired
    ApiPaths paths;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void hostEndpointUnderApiAnswersTheHostsUserNotLongrunsCallers() {
        Api.Res anonymous = api.get("/api/orders").send();
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("WWW-Authenticate")).as("the host's HTTP Basic challenge").startsWith("Basic");
        assertThat(anonymous.header("Content-Type")).as("not Longrun's problem").isNull();

        Api.Res withLongrunKey = api.get("/api/orders").as(LONGRUN_CALLER).send();
        assertThat(withLongrunKey.status()).as("a Longrun API key opens nothing of the host's").isEqualTo(401);

        Api.Res clerk = api.get("/api/orders").header("Authorization", basic(HostApp.HOST_USER, HostApp.HOST_PASSWORD)).send();
        assertThat(clerk.status()).as(clerk.toString()).isEqualTo(200);
        assertThat(clerk.json().get(0).get("customer").asString()).isEqualTo("acme");

        assertThat(api.get("/api/orders/public").send().status()).as("the host's own permitAll holds").isEqualTo(200);
    }

    @Test
    void longrunEndpointsStillNeedLongrunCredentialsAndNotTheHosts() {
        Api.Res anonymous = api.get("/api/jobs").send();
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("Content-Type")).startsWith("application/problem+json");

        Api.Res clerk = api.get("/api/jobs").header("Authorization", basic(HostApp.HOST_USER, HostApp.HOST_PASSWORD)).send();
        assertThat(clerk.status()).as("the host's user is no Longrun caller").isEqualTo(401);

        Api.Res started = api.post("/api/jobs/start").as(LONGRUN_CALLER)
                .json("{\"type\":\"orders.archive\",\"params\":{\"customer\":\"acme\",\"older_than_days\":30}}").send();
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        assertThat(started.header("Location")).isEqualTo("/api/jobs/" + started.json().get("id").asString());
    }

    @Test
    void unknownPathUnderTheBasePathIsStillAProblem() {
        Api.Res r = api.get("/api/no-such-thing").header("Authorization", basic(HostApp.HOST_USER, HostApp.HOST_PASSWORD)).send();
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
    }

    /** The list of Longrun's paths the security chain covers must name every path a starter controller answers. */
    @Test
    void everyLongrunMappingIsCoveredByLongrunsSecurity() {
        List<String> longrunPaths = mappings.getHandlerMethods().entrySet().stream()
                .filter(e -> e.getValue() instanceof HandlerMethod hm && ApiPaths.PACKAGES.contains(hm.getBeanType().getPackageName()))
                .flatMap(e -> e.getKey().getPatternValues().stream())
                .toList();
        assertThat(longrunPaths).hasSizeGreaterThan(20);
        for (String pattern : longrunPaths) {
            String path = pattern.replaceAll("\\{[^}]+}", "x");
            assertThat(path).startsWith("/api/");
            assertThat(paths.isLongrun(new MockHttpServletRequest("GET", path))).as(pattern).isTrue();
        }
        assertThat(paths.isLongrun(new MockHttpServletRequest("GET", "/api/orders"))).isFalse();
    }
}
