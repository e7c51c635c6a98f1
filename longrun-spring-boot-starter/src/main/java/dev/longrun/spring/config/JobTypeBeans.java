package dev.longrun.spring.config;

import dev.longrun.JobHandler;
import dev.longrun.JobType;
import dev.longrun.RetryPolicy;
import dev.longrun.TypeWords;
import dev.longrun.spring.LongrunJob;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.ResolvableType;

/**
 * Collects the job types of a host application: every {@link JobType} bean as it is, and every bare
 * {@link JobHandler} bean (not already inside a JobType) named by {@link LongrunJob} or by its bean name, with its
 * params class read from the generic signature. Used once, when the engine bean is built.
 */
final class JobTypeBeans {

    private JobTypeBeans() {
    }

    static List<JobType<?>> collect(ConfigurableListableBeanFactory beans) {
        List<JobType<?>> types = new ArrayList<>();
        Set<Object> wrapped = Collections.newSetFromMap(new IdentityHashMap<>());
        for (String name : beans.getBeanNamesForType(JobType.class)) {
            JobType<?> type = beans.getBean(name, JobType.class);
            types.add(type);
            wrapped.add(type.handler());
        }
        for (String name : beans.getBeanNamesForType(JobHandler.class)) {
            JobHandler<?> handler = beans.getBean(name, JobHandler.class);
            if (!wrapped.contains(handler)) {
                types.add(fromHandler(beans, name, handler));
            }
        }
        return types;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static JobType<?> fromHandler(ConfigurableListableBeanFactory beans, String beanName, JobHandler<?> handler) {
        LongrunJob meta = beans.findAnnotationOnBean(beanName, LongrunJob.class);
        String typeName = meta != null ? meta.value() : beanName;
        Class<?> params = paramsClass(beans, beanName, handler);
        if (params == null) {
            throw new IllegalStateException("Cannot tell the params type of JobHandler bean '" + beanName + "'. Declare it as JobHandler<MyParams> "
                    + "(a class or a @Bean method with that return type), or register a JobType bean.");
        }
        JobType.Builder b;
        try {
            b = JobType.builder(typeName, (Class) params, (JobHandler) handler);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("JobHandler bean '" + beanName + "': " + e.getMessage()
                    + (meta == null ? ". Name it with @LongrunJob(\"invoices.export\")." : ""), e);
        }
        if (meta != null) {
            if (!meta.label().isEmpty()) b.label(meta.label());
            b.queue(meta.queue()).cancellable(meta.cancellable());
            if (!meta.cancelEffect().isEmpty()) b.cancelEffect(meta.cancelEffect());
            if (!meta.retryEffect().isEmpty()) b.retryEffect(meta.retryEffect());
            if (meta.maxAttempts() > 0) b.retryPolicy(RetryPolicy.attempts(meta.maxAttempts()));
            if (meta.timeoutSeconds() > 0) b.timeout(Duration.ofSeconds(meta.timeoutSeconds()));
            b.words(words(meta));
        }
        return b.build();
    }

    /** The annotation's words, or null when it declares none. */
    private static TypeWords words(LongrunJob meta) {
        String[] parts = {meta.icon(), meta.running(), meta.done(), meta.noun(), meta.items(), meta.itemsDone(), meta.itemsFailed()};
        if (Arrays.stream(parts).allMatch(String::isEmpty)) {
            return null;
        }
        return new TypeWords(blankToNull(parts[0]), blankToNull(parts[1]), blankToNull(parts[2]), blankToNull(parts[3]),
                blankToNull(parts[4]), blankToNull(parts[5]), blankToNull(parts[6]));
    }

    private static String blankToNull(String s) {
        return s.isEmpty() ? null : s;
    }

    private static Class<?> paramsClass(ConfigurableListableBeanFactory beans, String beanName, JobHandler<?> handler) {
        Class<?> fromDefinition = null;
        if (beans.containsBeanDefinition(beanName)) {
            fromDefinition = beans.getMergedBeanDefinition(beanName).getResolvableType().as(JobHandler.class).getGeneric(0).resolve();
        }
        return fromDefinition != null ? fromDefinition : ResolvableType.forInstance(handler).as(JobHandler.class).getGeneric(0).resolve();
    }
}
