package dev.longrun.spring.testapp;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A host application of the starter: only job handlers of its own, the starter does the rest. */
@SpringBootApplication
public class TestApp {

    /** For measurements that run the application in a JVM of its own (e.g. with a 512 MiB heap). */
    public static void main(String[] args) {
        org.springframework.boot.SpringApplication.run(TestApp.class, args);
    }
}
