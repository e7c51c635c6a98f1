package dev.longrun.server;

import dev.longrun.spring.notify.NotificationRecipients;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where the demo users' "your export is ready" emails go: the demo users (alice, bob, carol) have no
 * mailbox, so they get {@code <user>@<account>.example} — readable in the local outbox, or in the
 * SMTP server the product is pointed at. A real deployment looks addresses up in its user table.
 */
@Configuration(proxyBeanMethods = false)
class DemoRecipients {

    @Bean
    NotificationRecipients demoNotificationRecipients() {
        NotificationRecipients emails = NotificationRecipients.userIdsAreEmails();
        return (account, user) -> emails.emailOf(account, user)
                .or(() -> user == null || account == null ? Optional.empty()
                        : Optional.of(user.toLowerCase(Locale.ROOT) + "@" + account.toLowerCase(Locale.ROOT) + ".example"));
    }
}
