package dev.longrun.spring.testapp;

import dev.longrun.spring.support.ShiftableClock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Replaces the engine's clock (bean name {@code longrunClock}) with one tests can move. */
@Configuration
public class TestClock {

    @Bean
    public ShiftableClock longrunClock() {
        return new ShiftableClock();
    }
}
