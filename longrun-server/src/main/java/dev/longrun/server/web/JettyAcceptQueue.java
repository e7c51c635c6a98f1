package dev.longrun.server.web;

import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.ServerConnector;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.jetty.servlet.JettyServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A listen backlog for the moment every open status page reconnects at once (after a deploy or a network blip).
 * Jetty leaves it to the JDK's default of 50; with 1,000 event streams connecting together the kernel counted 2,353
 * dropped connection attempts in one run (docs/benchmarks/http.md), each retried by the browser a second or more later.
 * Tomcat's own default is 100 ({@code server.tomcat.accept-count}); the kernel caps the value at {@code somaxconn}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = {"org.eclipse.jetty.server.ServerConnector", "org.springframework.boot.jetty.servlet.JettyServletWebServerFactory"})
class JettyAcceptQueue {

    static final int SIZE = 1024;

    @Bean
    WebServerFactoryCustomizer<JettyServletWebServerFactory> longrunAcceptQueue() {
        return factory -> factory.addServerCustomizers(server -> {
            for (Connector connector : server.getConnectors()) {
                if (connector instanceof ServerConnector http) {
                    http.setAcceptQueueSize(SIZE);
                }
            }
        });
    }
}
