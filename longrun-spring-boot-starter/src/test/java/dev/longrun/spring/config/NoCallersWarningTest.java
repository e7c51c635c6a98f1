package dev.longrun.spring.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Start-up says so when nobody but the application's own tokens could call the API. */
class NoCallersWarningTest {

    @Test
    void warnsWithoutKeysAndUsersNamingWhatToSet() {
        LongrunProperties p = new LongrunProperties();
        assertThat(NoCallersWarning.message(p)).hasValueSatisfying(m -> assertThat(m)
                .contains("longrun.api-keys").contains("longrun.users").contains("/api"));
        p.setApiKeys(List.of(" "));
        assertThat(NoCallersWarning.message(p)).as("a blank key is no key").isPresent();
    }

    @Test
    void silentWithAKeyOrAUser() {
        LongrunProperties withKey = new LongrunProperties();
        withKey.setApiKeys(List.of("k-0123456789"));
        assertThat(NoCallersWarning.message(withKey)).isEmpty();

        LongrunProperties withUser = new LongrunProperties();
        withUser.setUsers(List.of(new LongrunProperties.User()));
        assertThat(NoCallersWarning.message(withUser)).isEmpty();
    }
}
