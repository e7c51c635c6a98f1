package dev.longrun;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

/**
 * A registered kind of job: its name ({@code contacts.export}), params class, handler and policies.
 * Built with {@link #builder}; registered with {@code Longrun.builder().register(...)}.
 */
public final class JobType<P> {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_-]*)*");

    private final String name;
    private final Class<P> paramsType;
    private final JobHandler<P> handler;
    private final String label;
    private final String queue;
    private final RetryPolicy retryPolicy;
    private final Duration timeout;
    private final boolean cancellable;
    private final String cancelEffect;
    private final String retryEffect;
    private final Duration typicalMin;
    private final Duration typicalMax;
    private final BiFunction<P, List<JobItem>, P> retryFailedParams;
    private final TypeWords words;
    private final ParamsCheck<P> paramsCheck;

    private JobType(Builder<P> b) {
        this.name = b.name;
        this.paramsType = b.paramsType;
        this.handler = b.handler;
        this.label = b.label != null ? b.label : b.name;
        this.queue = b.queue;
        this.retryPolicy = b.retryPolicy;
        this.timeout = b.timeout;
        this.cancellable = b.cancellable;
        this.cancelEffect = b.cancelEffect;
        this.retryEffect = b.retryEffect;
        this.typicalMin = b.typicalMin;
        this.typicalMax = b.typicalMax;
        this.retryFailedParams = b.retryFailedParams;
        this.words = b.words;
        this.paramsCheck = b.paramsCheck;
    }

    public static <P> Builder<P> builder(String name, Class<P> paramsType, JobHandler<P> handler) {
        return new Builder<>(name, paramsType, handler);
    }

    public String name() { return name; }
    public Class<P> paramsType() { return paramsType; }
    public JobHandler<P> handler() { return handler; }
    /** A plain-language name: "Export contacts". */
    public String label() { return label; }
    public String queue() { return queue; }
    public RetryPolicy retryPolicy() { return retryPolicy; }
    /** Maximum execution time of one attempt; null means none. */
    public Duration timeout() { return timeout; }
    public boolean cancellable() { return cancellable; }
    /** What a cancel really does, for the confirm dialog: "The partial file will be deleted." May be null. */
    public String cancelEffect() { return cancelEffect; }
    /** What running a stopped job again does, when a person should confirm it first: "It uses the same file." May be null. */
    public String retryEffect() { return retryEffect; }
    /** Typical duration range shown before there is history; may be null. */
    public Duration typicalMin() { return typicalMin; }
    public Duration typicalMax() { return typicalMax; }
    /** Builds the params of a job over only the failed items; null when the type does not support it. */
    public BiFunction<P, List<JobItem>, P> retryFailedParams() { return retryFailedParams; }
    /** How status screens speak of this type ("Exporting contacts", "Export complete"); null for neutral words. */
    public TypeWords words() { return words; }
    /** Checks the params for the user who starts a job, before it is written; null when the type has none. */
    public ParamsCheck<P> paramsCheck() { return paramsCheck; }

    @Override
    public String toString() {
        return "JobType[" + name + "]";
    }

    public static final class Builder<P> {
        private final String name;
        private final Class<P> paramsType;
        private final JobHandler<P> handler;
        private String label;
        private String queue = "default";
        private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
        private Duration timeout;
        private boolean cancellable = true;
        private String cancelEffect;
        private String retryEffect;
        private Duration typicalMin;
        private Duration typicalMax;
        private BiFunction<P, List<JobItem>, P> retryFailedParams;
        private TypeWords words;
        private ParamsCheck<P> paramsCheck;

        private Builder(String name, Class<P> paramsType, JobHandler<P> handler) {
            Objects.requireNonNull(name, "name");
            if (!NAME.matcher(name).matches() || name.length() > 100) {
                throw new IllegalArgumentException("Job type name '" + name + "' must be lowercase words separated by dots, e.g. contacts.export");
            }
            this.name = name;
            this.paramsType = Objects.requireNonNull(paramsType, "paramsType");
            this.handler = Objects.requireNonNull(handler, "handler");
        }

        public Builder<P> label(String label) { this.label = label; return this; }
        public Builder<P> queue(String queue) { this.queue = Objects.requireNonNull(queue); return this; }
        public Builder<P> retryPolicy(RetryPolicy policy) { this.retryPolicy = Objects.requireNonNull(policy); return this; }
        public Builder<P> timeout(Duration timeout) { this.timeout = timeout; return this; }
        public Builder<P> cancellable(boolean cancellable) { this.cancellable = cancellable; return this; }
        public Builder<P> cancelEffect(String effect) { this.cancelEffect = effect; return this; }
        public Builder<P> retryEffect(String effect) { this.retryEffect = effect; return this; }
        public Builder<P> typicalDuration(Duration min, Duration max) { this.typicalMin = min; this.typicalMax = max; return this; }
        public Builder<P> retryFailedParams(BiFunction<P, List<JobItem>, P> fn) { this.retryFailedParams = fn; return this; }
        public Builder<P> words(TypeWords words) { this.words = words; return this; }
        public Builder<P> paramsCheck(ParamsCheck<P> check) { this.paramsCheck = check; return this; }

        public JobType<P> build() {
            return new JobType<>(this);
        }
    }
}
