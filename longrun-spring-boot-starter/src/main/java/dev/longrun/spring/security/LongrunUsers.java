package dev.longrun.spring.security;

import dev.longrun.spring.config.LongrunProperties;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The people configured in {@code longrun.users} who may sign in to the dashboard ({@code POST /api/session}).
 * Passwords are kept only as hashes (bcrypt or any Spring Security {@code {id}hash}).
 */
public final class LongrunUsers {

    private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    private final Map<String, Person> byName = new LinkedHashMap<>();
    private final String dummyHash;

    public LongrunUsers(List<LongrunProperties.User> users) {
        for (int i = 0; i < users.size(); i++) {
            LongrunProperties.User u = users.get(i);
            String where = "longrun.users[" + i + "]";
            if (u.getUsername() == null || u.getUsername().isBlank()) {
                throw new IllegalArgumentException(where + ".username is missing");
            }
            byName.put(u.getUsername(), new Person(u.getUsername(), u.getAccount(),
                    u.getDisplayName() != null ? u.getDisplayName() : u.getUsername(), hash(where, u.getPassword())));
        }
        this.dummyHash = encoder.encode("no such user");
    }

    /** The person with these credentials; takes about as long for an unknown name as for a wrong password. */
    public Optional<Person> check(String username, String password) {
        Person p = username == null ? null : byName.get(username);
        boolean ok = encoder.matches(password == null ? "" : password, p != null ? p.hash() : dummyHash);
        return ok && p != null ? Optional.of(p) : Optional.empty();
    }

    public Optional<Person> find(String accountId, String userId) {
        Person p = byName.get(userId);
        return p != null && p.account().equals(accountId) ? Optional.of(p) : Optional.empty();
    }

    private static String hash(String where, String configured) {
        if (configured == null || configured.isBlank()) {
            throw new IllegalArgumentException(where + ".password is missing (a bcrypt hash)");
        }
        if (configured.startsWith("$2a$") || configured.startsWith("$2b$") || configured.startsWith("$2y$")) {
            return "{bcrypt}" + configured;
        }
        if (configured.startsWith("{") && configured.indexOf('}') > 1) {
            return configured;
        }
        throw new IllegalArgumentException(where + ".password must be a password hash, not a plain password: a bcrypt hash "
                + "($2a$...) or {bcrypt}$2a$..., e.g. from: htpasswd -bnBC 10 \"\" 'secret' | tr -d ':\\n'");
    }

    /** A person who may sign in. */
    public record Person(String username, String account, String displayName, String hash) {
    }
}
