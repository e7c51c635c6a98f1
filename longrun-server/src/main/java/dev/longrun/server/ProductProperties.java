package dev.longrun.server;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Settings of the demo product itself ({@code longrun.demo.*}, {@code longrun.mail.*}); Longrun's own are the starter's. */
@ConfigurationProperties("longrun")
public class ProductProperties {

    private final Demo demo = new Demo();
    private final Mail mail = new Mail();

    public Demo getDemo() { return demo; }
    public Mail getMail() { return mail; }

    public static class Demo {
        /** Contacts seeded into each demo account on first start (0 = none); e.g. 100000 to try big exports. */
        private int contacts = 3000;
        /** Accounts to seed; empty means every account of longrun.users. */
        private List<String> accounts = new ArrayList<>();

        public int getContacts() { return contacts; }
        public void setContacts(int contacts) { this.contacts = contacts; }
        public List<String> getAccounts() { return accounts; }
        public void setAccounts(List<String> accounts) { this.accounts = accounts; }
    }

    public static class Mail {
        /** Sender address of invitation emails. */
        private String from = "Longrun <no-reply@longrun.localhost>";
        /** Pause before retrying one invitation after a temporary SMTP error (grows per try). */
        private java.time.Duration retryDelay = java.time.Duration.ofMillis(500);

        public String getFrom() { return from; }
        public void setFrom(String from) { this.from = from; }
        public java.time.Duration getRetryDelay() { return retryDelay; }
        public void setRetryDelay(java.time.Duration retryDelay) { this.retryDelay = retryDelay; }
    }
}
