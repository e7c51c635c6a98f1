package dev.longrun.spring.notify;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code longrun.notify.*}: when email goes out by default, where links point, how deliveries are retried, and the
 * webhook guard rails. Read by {@link LongrunNotifyAutoConfiguration}.
 */
@ConfigurationProperties("longrun.notify")
@Validated
public class NotifyProperties {

    /** Email by default when a job ran (from start request to outcome) longer than this. */
    @NotNull @DurationMin(nanos = 0, inclusive = true, message = "must not be negative")
    private Duration emailAfter = Duration.ofMinutes(5);
    /** Absolute base of links in email and webhooks, e.g. https://jobs.example.com; empty: relative links. */
    private String baseUrl = "";
    /** Sender of notification email. */
    private String mailFrom = "Longrun <longrun@localhost>";
    /** First wait before retrying a failed delivery (email, webhook); doubles per attempt. */
    @NotNull @DurationMin(nanos = 1, message = "must be a positive duration")
    private Duration retryBase = Duration.ofSeconds(30);
    /** Longest wait between delivery attempts. */
    @NotNull @DurationMin(nanos = 1, message = "must be a positive duration")
    private Duration retryMax = Duration.ofHours(1);
    /** Attempts per delivery before it is given up. */
    @Min(1)
    private int maxAttempts = 8;
    /** How often the dispatcher looks for due deliveries when no wake-up arrives. */
    @NotNull @DurationMin(nanos = 1, message = "must be a positive duration")
    private Duration pollInterval = Duration.ofSeconds(1);
    @Valid
    private final Webhooks webhooks = new Webhooks();

    public Duration getEmailAfter() { return emailAfter; }
    public void setEmailAfter(Duration emailAfter) { this.emailAfter = emailAfter; }
    public String getBaseUrl() { return baseUrl; }
    public void setBaseUrl(String baseUrl) { this.baseUrl = baseUrl; }
    public String getMailFrom() { return mailFrom; }
    public void setMailFrom(String mailFrom) { this.mailFrom = mailFrom; }
    public Duration getRetryBase() { return retryBase; }
    public void setRetryBase(Duration retryBase) { this.retryBase = retryBase; }
    public Duration getRetryMax() { return retryMax; }
    public void setRetryMax(Duration retryMax) { this.retryMax = retryMax; }
    public int getMaxAttempts() { return maxAttempts; }
    public void setMaxAttempts(int maxAttempts) { this.maxAttempts = maxAttempts; }
    public Duration getPollInterval() { return pollInterval; }
    public void setPollInterval(Duration pollInterval) { this.pollInterval = pollInterval; }
    public Webhooks getWebhooks() { return webhooks; }

    public static class Webhooks {
        /**
         * Allow endpoints on private networks (10/8, 172.16/12, 192.168/16, 100.64/10, fc00::/7) for intranets. Off:
         * only global unicast addresses. Loopback, link-local (cloud metadata) and this host's own addresses stay refused.
         */
        private boolean allowPrivate = false;
        /** For tests with a receiver on this machine only: also allow loopback and this host's own addresses. */
        private boolean allowLoopback = false;
        /** Longest time one webhook call may take. */
        @NotNull @DurationMin(nanos = 1, message = "must be a positive duration")
        private Duration timeout = Duration.ofSeconds(10);
        /** Failed deliveries in a row after which an endpoint is disabled. */
        @Min(1)
        private int failureLimit = 10;

        public boolean isAllowPrivate() { return allowPrivate; }
        public void setAllowPrivate(boolean allowPrivate) { this.allowPrivate = allowPrivate; }
        public boolean isAllowLoopback() { return allowLoopback; }
        public void setAllowLoopback(boolean allowLoopback) { this.allowLoopback = allowLoopback; }
        public Duration getTimeout() { return timeout; }
        public void setTimeout(Duration timeout) { this.timeout = timeout; }
        public int getFailureLimit() { return failureLimit; }
        public void setFailureLimit(int failureLimit) { this.failureLimit = failureLimit; }
    }
}
