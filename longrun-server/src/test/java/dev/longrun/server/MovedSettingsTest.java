package dev.longrun.server;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatNoException;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** The demo's settings live under longrun-demo.*; an old name stops the start and names the new one. */
class MovedSettingsTest {

    @Test
    void anOldDemoSettingStopsTheStartNamingItsNewName() {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new MapPropertySource("args", Map.of("longrun.demo.contacts", "10")));
        assertThatThrownBy(() -> new MovedSettings().postProcessEnvironment(env, new SpringApplication()))
                .hasMessageContaining("longrun.demo.contacts").hasMessageContaining("longrun-demo.contacts");
    }

    @Test
    void theNewNamesStartNormally() {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new MapPropertySource("args", Map.of("longrun-demo.contacts", "10", "longrun-demo.mail.from", "x@y")));
        assertThatNoException().isThrownBy(() -> new MovedSettings().postProcessEnvironment(env, new SpringApplication()));
    }
}
