package dev.longrun.spring.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.longrun.spring.config.LongrunProperties;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The hash HashPassword prints is one LongrunUsers accepts for that password, and only for it. */
class HashPasswordTest {

    @Test
    void printedHashSignsInWithThePasswordAndNotWithAnother() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = HashPassword.run(new String[] {"s3cret-Pass"}, null, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertThat(exit).isZero();
        String hash = out.toString(StandardCharsets.UTF_8).strip();
        assertThat(hash).startsWith("$2a$10$");

        LongrunProperties.User user = new LongrunProperties.User();
        user.setUsername("dana");
        user.setPassword(hash);
        LongrunUsers users = new LongrunUsers(List.of(user));
        assertThat(users.check("dana", "s3cret-Pass")).isPresent();
        assertThat(users.check("dana", "s3cret-pass")).isEmpty();
    }

    @Test
    void withoutArgumentOrConsoleItSaysHowToUseIt() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = HashPassword.run(new String[0], null, System.out, new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Usage");
    }
}
