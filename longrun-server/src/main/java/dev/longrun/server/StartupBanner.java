package dev.longrun.server;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Tells a newcomer, once the server is ready, which URL to open and how to sign in or call the API. */
@Component
class StartupBanner implements ApplicationListener<ApplicationReadyEvent> {

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        Environment env = event.getApplicationContext().getEnvironment();
        String port = env.getProperty("local.server.port", env.getProperty("server.port", "8080"));
        String base = "http://localhost:" + port;
        String store = env.containsProperty("spring.datasource.url")
                ? "PostgreSQL (" + env.getProperty("spring.datasource.url") + ")"
                : "embedded SQLite in " + env.getProperty("longrun.data-dir", "./data");
        String apiKey = env.getProperty("longrun.api-keys[0]", env.getProperty("longrun.api-keys", ""));
        StringBuilder text = new StringBuilder()
                .append("\n  Longrun is running on ").append(store).append('\n')
                .append("  Open ").append(base).append("/ in your browser\n");
        if ("alice".equals(env.getProperty("longrun.users[0].username"))) {
            text.append("  Sign in as alice / alice-demo or bob / bob-demo (account acme), carol / carol-demo (account globex)\n");
        }
        if (!apiKey.isBlank()) {
            text.append("  API: curl -H 'X-Longrun-Api-Key: ").append(apiKey.split(",")[0])
                    .append("' -H 'X-Longrun-Account: acme' -H 'X-Longrun-User: alice' ").append(base).append("/api/jobs\n");
        }
        text.append("  Stop with Ctrl-C: running jobs are handed back and continue on the next start.\n");
        System.out.println(text);
    }
}
