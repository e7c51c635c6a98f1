package dev.longrun.server;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the demo product itself, under {@code longrun-demo.*} so they never sit beside the starter's
 * {@code longrun.*} (which a host application shares). {@link MovedSettings} refuses the old {@code longrun.demo.*}
 * and {@code longrun.mail.*} names at start.
 */
@ConfigurationProperties("longrun-demo")
public class ProductProperties {

    /** Contacts seeded into each demo account on first start (0 = none); e.g. 100000 to try big exports. */
    private int contacts = 3000;
    /** Accounts to seed; empty means every account of longrun.users. */
    private List<String> accounts = new ArrayList<>();
    private final Mail mail = new Mail();

    public int getContacts() { return contacts; }
    public void setContacts(int contacts) { this.contacts = contacts; }
    public List<String> getAccounts() { return accounts; }
    public void setAccounts(List<String> accounts) { this.accounts = accounts; }
    public Mail getMail() { return mail; }

    public static class Mail {
        /** Sender address of invitation emails. */
        private String from = "Longrun <no-reply@longrun.localhost>";
        /** Pause before retrying one invitation after a temporary SMTP error (grows per try). */
        private Duration retryDelay = Duration.ofMillis(500);

        public String getFrom() { return from; }
        public void setFrom(String from) { this.from = from; }
        public Duration getRetryDelay() { return retryDelay; }
        public void setRetryDelay(Duration retryDelay) { this.retryDelay = retryDelay; }
    }
}
