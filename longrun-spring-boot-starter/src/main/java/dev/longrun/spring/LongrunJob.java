package dev.longrun.spring;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names and describes a {@code JobHandler<P>} bean, which the starter then registers as a job type; put it on the
 * handler class or on its {@code @Bean} method. Without it, the bean name is the type name (it must then look like
 * {@code invoices.export}). The params type {@code P} comes from the handler's generic signature. For anything more
 * (retry policy, retry-failed params), declare a {@code dev.longrun.JobType} bean instead.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface LongrunJob {

    /** The job type name, e.g. {@code invoices.export}. */
    String value();

    /** A plain-language name ("Export invoices"); defaults to the type name. */
    String label() default "";

    String queue() default "default";

    /** Total runs including the first; 0 keeps the default (3). */
    int maxAttempts() default 0;

    /** Maximum execution time of one attempt in seconds; 0 for none. */
    long timeoutSeconds() default 0;

    boolean cancellable() default true;

    /** What cancelling really does, for the confirm dialog ("The partial file will be deleted."). */
    String cancelEffect() default "";

    /** What running a stopped job again does, asked before a retry when set ("It uses the same file."). */
    String retryEffect() default "";

    /** How the status screens speak of the type (see {@code dev.longrun.TypeWords}); empty parts fall back to neutral words. */
    String icon() default "";

    /** While it runs: "Exporting invoices". */
    String running() default "";

    /** When it is done: "Export complete". */
    String done() default "";

    /** The job as a noun: "export". */
    String noun() default "";

    /** The plural noun of its items, for types that record item outcomes: "invoices". */
    String items() default "";

    /** Items that succeeded: "exported". */
    String itemsDone() default "";

    /** Items that failed: "skipped". */
    String itemsFailed() default "";
}
