package dev.longrun.spring.security;

import java.io.Console;
import java.io.PrintStream;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Prints the bcrypt hash of a password for {@code longrun.users[n].password}. In a project that depends on the
 * starter:
 * <pre>
 * java -cp "$(./mvnw -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout)" dev.longrun.spring.security.HashPassword
 * </pre>
 * It asks for the password without echoing it (or takes it as the one argument, which then lands in shell history).
 */
public final class HashPassword {

    private HashPassword() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.console(), System.out, System.err));
    }

    static int run(String[] args, Console console, PrintStream out, PrintStream err) {
        char[] password;
        if (args.length == 1) {
            password = args[0].toCharArray();
        } else if (args.length == 0 && console != null) {
            password = console.readPassword("Password: ");
            char[] again = console.readPassword("Again: ");
            if (password == null || again == null || !java.util.Arrays.equals(password, again)) {
                err.println("The two passwords differ; nothing was printed.");
                return 1;
            }
        } else {
            err.println("Usage: HashPassword [password]   (without an argument it asks, without echo)");
            return 2;
        }
        if (password.length == 0) {
            err.println("The password is empty; nothing was printed.");
            return 1;
        }
        out.println(hash(new String(password)));
        return 0;
    }

    /** A bcrypt hash with cost 10, as {@link LongrunUsers} accepts it. */
    static String hash(String password) {
        return new BCryptPasswordEncoder(10).encode(password);
    }
}
