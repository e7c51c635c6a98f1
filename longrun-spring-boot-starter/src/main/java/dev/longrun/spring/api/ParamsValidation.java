package dev.longrun.spring.api;

import dev.longrun.JobType;
import dev.longrun.Longrun;
import dev.longrun.LongrunException;
import dev.longrun.spring.problem.ApiProblem;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Checks the params of a start request against the job type's params class before the engine sees them: Bean
 * Validation annotations on the params record ({@code @Min}, {@code @DecimalMax}, {@code @Size}…) and, for every
 * floating-point field, a finite number (a JSON string "NaN" or "Infinity" binds to a {@code Double} otherwise).
 * A violation is a 400 naming the field as it is sent (snake_case). Binding errors are left to the engine, which
 * reports them the same way for every caller.
 */
public final class ParamsValidation {

    private final Longrun longrun;
    private final Validator validator;

    public ParamsValidation(Longrun longrun, Validator validator) {
        this.longrun = longrun;
        this.validator = validator;
    }

    /** @throws ApiProblem naming the first field (in name order) that breaks a rule */
    public void check(String typeName, JsonNode params) {
        Optional<JobType<?>> type = longrun.jobType(typeName);
        if (type.isEmpty()) {
            return; // the engine answers an unknown type, listing the known ones
        }
        Object bound;
        try {
            bound = longrun.bindParams(typeName, params);
        } catch (LongrunException e) {
            return; // the engine refuses it with the same message
        }
        if (bound == null) {
            return;
        }
        finite(bound);
        Set<ConstraintViolation<Object>> violations = validator.validate(bound);
        violations.stream().min(Comparator.comparing(v -> v.getPropertyPath().toString())).ifPresent(v -> {
            String field = wire(v.getPropertyPath().toString());
            throw ApiProblem.invalidParam(field, "Parameter '" + field + "' " + v.getMessage() + " (got " + shown(v.getInvalidValue()) + ").");
        });
    }

    private static void finite(Object params) {
        for (Method accessor : FLOATING_POINT_ACCESSORS.get(params.getClass())) {
            Object value;
            try {
                value = accessor.invoke(params);
            } catch (ReflectiveOperationException e) {
                continue;
            }
            if ((value instanceof Double d && !Double.isFinite(d)) || (value instanceof Float f && !Float.isFinite(f))) {
                String field = wire(accessor.getName());
                throw ApiProblem.invalidParam(field, "Parameter '" + field + "' must be a finite number, not " + value + ".");
            }
        }
    }

    /**
     * The accessors of a params record's components that can hold a Double or a Float, found once per class: looking
     * the components up and calling every accessor on each start cost a start more than the validation itself.
     */
    private static final ClassValue<List<Method>> FLOATING_POINT_ACCESSORS = new ClassValue<>() {
        @Override
        protected List<Method> computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            if (components == null) {
                return List.of();
            }
            return Arrays.stream(components).filter(c -> canHoldFloatingPoint(c.getType())).map(RecordComponent::getAccessor).toList();
        }
    };

    private static boolean canHoldFloatingPoint(Class<?> type) {
        return type == double.class || type == float.class || type.isAssignableFrom(Double.class) || type.isAssignableFrom(Float.class);
    }

    private static String wire(String propertyPath) {
        StringBuilder out = new StringBuilder();
        for (String part : propertyPath.split("\\.")) {
            // as the params binder's snake_case naming sends it: contactIds -> contact_ids
            out.append(out.isEmpty() ? "" : ".").append(part.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT));
        }
        return out.toString();
    }

    private static String shown(Object value) {
        String s = String.valueOf(value);
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
