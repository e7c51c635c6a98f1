package dev.longrun.server;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * The demo's settings moved from {@code longrun.demo.*} / {@code longrun.mail.*} to {@code longrun-demo.*}: an old name
 * would otherwise be ignored without a word, so the server refuses to start and names the new one.
 */
public class MovedSettings implements EnvironmentPostProcessor {

    static final Map<String, String> MOVED = Map.of(
            "longrun.demo.contacts", "longrun-demo.contacts",
            "longrun.demo.accounts", "longrun-demo.accounts",
            "longrun.demo.accounts[0]", "longrun-demo.accounts",
            "longrun.mail.from", "longrun-demo.mail.from",
            "longrun.mail.retry-delay", "longrun-demo.mail.retry-delay");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        MOVED.forEach((old, now) -> {
            if (environment.containsProperty(old)) {
                throw new IllegalStateException("The setting " + old + " is now " + now + " (the demo server's own settings live under longrun-demo.*).");
            }
        });
    }
}
