package dev.longrun.spring.problem;

import static org.assertj.core.api.Assertions.assertThat;

import dev.longrun.LongrunException;
import dev.longrun.store.StoreException;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;

/** Engine refusals map to the right status; the database being down is a 503 the client may retry. */
class ProblemAdviceTest {

    private final ProblemAdvice advice = new ProblemAdvice(new dev.longrun.spring.api.ApiPaths("/api", java.util.List.of()));
    private final MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/jobs/start");

    @Test
    void databaseDownIs503WithRetryAfterAndSaysNothingChanged() throws Exception {
        ResponseEntity<ProblemDetail> r = advice.longrun(LongrunException.storeUnavailable(new ConnectException("refused")), request);
        assertThat(r.getStatusCode().value()).isEqualTo(503);
        assertThat(r.getHeaders().getFirst("Retry-After")).isEqualTo("5");
        assertThat(r.getBody().getDetail()).contains("nothing was changed").contains("Try again");
    }

    @Test
    void failedStatementIsA500WithoutTheSqlText() throws Exception {
        ResponseEntity<ProblemDetail> r = advice.longrun(new StoreException("Job store statement JobInsert failed: syntax error", null), request);
        assertThat(r.getStatusCode().value()).isEqualTo(500);
        assertThat(r.getBody().getDetail()).doesNotContain("JobInsert").contains("reference");
    }

    @Test
    void engineCodesMapToTheirStatuses() throws Exception {
        assertThat(advice.longrun(LongrunException.unknownType("x", java.util.List.of("a")), request).getStatusCode().value()).isEqualTo(400);
        assertThat(advice.longrun(LongrunException.invalidParams("steps: not a number"), request).getStatusCode().value()).isEqualTo(400);
        assertThat(advice.longrun(LongrunException.conflict("not failed"), request).getStatusCode().value()).isEqualTo(409);
        assertThat(advice.longrun(LongrunException.notFound(java.util.UUID.randomUUID()), request).getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void accessDeniedFromHostMethodSecurityIsLeftToSpringSecurity() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> advice.unexpected(
                new org.springframework.security.access.AccessDeniedException("no"), request))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }

    @Test
    void exceptionsOutsideTheApiAreLeftToTheHostApplication() {
        MockHttpServletRequest page = new MockHttpServletRequest("GET", "/dashboard");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> advice.unexpected(new IllegalStateException("boom"), page))
                .isInstanceOf(IllegalStateException.class);
    }
}
