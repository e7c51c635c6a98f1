package dev.longrun.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The runnable product: {@code java -jar longrun-server.jar} starts the API, the workers and the dashboard in one
 * process, on the embedded SQLite store in {@code ./data} or on PostgreSQL when {@code spring.datasource.url} is set.
 */
@SpringBootApplication
public class LongrunServer {

    public static void main(String[] args) {
        SpringApplication.run(LongrunServer.class, args);
    }
}
