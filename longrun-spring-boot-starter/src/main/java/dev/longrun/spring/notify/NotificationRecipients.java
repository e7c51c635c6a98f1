package dev.longrun.spring.notify;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds the email address of a job's owner. The default takes user ids that are email addresses; a host application
 * whose user ids are not declares its own bean (e.g. a lookup in its user table).
 */
@FunctionalInterface
public interface NotificationRecipients {

    Optional<String> emailOf(String accountId, String userId);

    Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    static NotificationRecipients userIdsAreEmails() {
        return (account, user) -> user != null && EMAIL.matcher(user).matches() ? Optional.of(user) : Optional.empty();
    }
}
