package dev.longrun.spring.testapp;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A host application of the starter: only job handlers of its own, the starter does the rest. */
@SpringBootApplication
public class TestApp {
}
