package dev.longrun.server.testing;

import dev.longrun.server.LongrunServer;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole server started as {@code java -jar} would (SpringApplication, port 0), with test properties.
 * Started without Spring's test framework so the tests run on the project's JUnit version.
 */
public final class RunningServer implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private RunningServer(ConfigurableApplicationContext context) {
        this.context = context;
    }

    public static RunningServer start(Map<String, Object> properties) {
        Map<String, Object> all = new java.util.HashMap<>(properties);
        all.put("server.port", 0);
        all.putIfAbsent("longrun-demo.contacts", 300);
        // As command-line arguments they win over application.yml, as they do for java -jar.
        String[] args = all.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        return new RunningServer(new SpringApplicationBuilder(LongrunServer.class).run(args));
    }

    public int port() {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    /** The servlet container serving it, e.g. {@code JettyWebServer}: the build decides (see longrun-server's pom). */
    public String container() {
        return webServer().getClass().getSimpleName();
    }

    public org.springframework.boot.web.server.WebServer webServer() {
        return ((WebServerApplicationContext) context).getWebServer();
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
