package dev.longrun.spring.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.longrun.JobResult;
import dev.longrun.JobType;
import dev.longrun.Longrun;
import dev.longrun.spring.problem.ApiProblem;
import jakarta.validation.Validation;
import jakarta.validation.constraints.Max;
import java.lang.reflect.Proxy;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The finite-number rule reaches every params component that can hold a Double or a Float (primitive, boxed, or a
 * wider type such as Number), on every call for the same params class, and leaves other components alone.
 */
class ParamsValidationTest {

    record Ratios(int count, double maxRatio, Float share, Number anything, String label) {
    }

    record Bounded(@Max(10) int maxRows) {
    }

    @Test
    void aBrokenRuleIsAnInvalidParamNamingTheParameterAsSent() {
        ApiProblem problem = catchThrowableOfType(ApiProblem.class, () -> validation(new Bounded(11)).check("test.ratios", empty()));
        assertThat(problem.code()).isEqualTo("invalid_params");
        assertThat(problem.field()).isEqualTo("max_rows");
        assertThat(problem.getMessage()).isEqualTo("Parameter 'max_rows' must be less than or equal to 10 (got 11).");
    }

    @Test
    void aNonFiniteValueInAnyFloatingPointComponentIsRefusedNamingItsField() {
        assertThat(refusedField(new Ratios(1, Double.NaN, 0.5f, 1, "x"))).isEqualTo("max_ratio");
        assertThat(refusedField(new Ratios(1, 0.5, Float.POSITIVE_INFINITY, 1, "x"))).isEqualTo("share");
        assertThat(refusedField(new Ratios(1, 0.5, 0.5f, Double.NEGATIVE_INFINITY, "x"))).isEqualTo("anything");
    }

    @Test
    void theSameParamsClassIsCheckedAgainOnEveryCall() {
        assertThatCode(() -> validation(new Ratios(1, 0.5, null, null, null)).check("test.ratios", empty())).doesNotThrowAnyException();
        assertThat(refusedField(new Ratios(1, Double.POSITIVE_INFINITY, null, null, null))).isEqualTo("max_ratio");
        assertThatCode(() -> validation(new Ratios(1, 0.5, null, null, null)).check("test.ratios", empty())).doesNotThrowAnyException();
    }

    private static String refusedField(Ratios params) {
        ApiProblem problem = catchThrowableOfType(ApiProblem.class, () -> validation(params).check("test.ratios", empty()));
        assertThat(problem).isNotNull();
        assertThat(problem.code()).isEqualTo("invalid_params");
        assertThat(problem.getMessage()).contains("must be a finite number");
        return problem.field();
    }

    private static tools.jackson.databind.JsonNode empty() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** A Longrun that knows one type and binds any params to {@code bound}; nothing else of it is used. */
    private static ParamsValidation validation(Record bound) {
        JobType<Ratios> type = JobType.builder("test.ratios", Ratios.class, ctx -> JobResult.message("done")).build();
        Longrun longrun = (Longrun) Proxy.newProxyInstance(Longrun.class.getClassLoader(), new Class<?>[] {Longrun.class}, (proxy, method, args) ->
                switch (method.getName()) {
                    case "jobType" -> Optional.of(type);
                    case "bindParams" -> bound;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return new ParamsValidation(longrun, Validation.buildDefaultValidatorFactory().getValidator());
    }
}
