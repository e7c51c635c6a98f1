package dev.longrun.spring.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** The starter's low-precedence defaults, and that an application's own setting wins over them. */
class LongrunDefaultsTest {

    private static final String SECURITY_OBSERVATIONS = "management.observations.enable.spring.security";

    @Test
    void springSecurityObservationsAreOffUnlessTheApplicationTurnsThemOn() {
        StandardEnvironment plain = new StandardEnvironment();
        new LongrunDefaults().postProcessEnvironment(plain, new SpringApplication());
        assertThat(plain.getProperty(SECURITY_OBSERVATIONS)).isEqualTo("false");
        assertThat(plain.getProperty("spring.threads.virtual.enabled")).isEqualTo("true");

        StandardEnvironment wantsThem = new StandardEnvironment();
        wantsThem.getPropertySources().addFirst(new MapPropertySource("application", Map.of(SECURITY_OBSERVATIONS, "true")));
        new LongrunDefaults().postProcessEnvironment(wantsThem, new SpringApplication());
        assertThat(wantsThem.getProperty(SECURITY_OBSERVATIONS)).isEqualTo("true");
    }
}
