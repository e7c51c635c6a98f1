package dev.longrun.spring.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the signing secret comes from when longrun.tokens.secret is absent, and that sign-ins survive a restart. */
class SecretsTest {

    @TempDir
    Path dataDir;

    @Test
    void withoutConfiguredSecretATokenFromBeforeARestartStillVerifies() {
        String token = tokens(new Secrets(null, dataDir)).mintUserToken("acme", "alice");

        Caller afterRestart = tokens(new Secrets(null, dataDir)).verify(token, Caller.Via.USER_TOKEN);

        assertThat(afterRestart.userId()).isEqualTo("alice");
        assertThat(afterRestart.accountId()).isEqualTo("acme");
    }

    @Test
    void theKeptSecretIsReadableByItsOwnerOnly() throws Exception {
        new Secrets("", dataDir);

        Path file = dataDir.resolve("secret");
        assertThat(Files.readString(file).strip()).hasSizeGreaterThanOrEqualTo(32);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        try (var left = Files.list(dataDir)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly("secret"); // no temp file left behind
        }
    }

    @Test
    void aConfiguredSecretIsUsedAndNoFileIsWritten() {
        String configured = "a-configured-secret-of-at-least-32-characters";
        String token = tokens(new Secrets(configured, dataDir)).mintUserToken("acme", "alice");

        assertThat(tokens(new Secrets(configured, dataDir.resolve("elsewhere"))).verify(token, Caller.Via.USER_TOKEN).userId()).isEqualTo("alice");
        assertThat(dataDir.resolve("secret")).doesNotExist();
        assertThatThrownBy(() -> tokens(new Secrets(null, dataDir)).verify(token, Caller.Via.USER_TOKEN))
                .isInstanceOf(TokenRejectedException.class);
    }

    @Test
    void nodesStartingTogetherOnOneDataDirectoryAgreeOnTheSecret() throws Exception {
        List<Callable<String>> starts = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            starts.add(() -> SecretFile.loadOrCreate(dataDir).secret());
        }
        Set<String> secrets = new HashSet<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (Future<String> f : pool.invokeAll(starts, 30, TimeUnit.SECONDS)) {
                secrets.add(f.get());
            }
        }
        assertThat(secrets).containsExactly(Files.readString(dataDir.resolve("secret")).strip());
    }

    @Test
    void aTruncatedSecretFileIsRefusedWithWhatToDo() throws Exception {
        Files.writeString(dataDir.resolve("secret"), "too-short\n");

        assertThatThrownBy(() -> new Secrets(null, dataDir))
                .hasMessageContaining("shorter than 32 characters")
                .hasMessageContaining("Delete the file")
                .hasMessageContaining("longrun.tokens.secret");
    }

    private static LongrunTokens tokens(Secrets secrets) {
        return new LongrunTokens(secrets.tokenKey(), Clock.systemUTC(), Duration.ofHours(1));
    }
}
