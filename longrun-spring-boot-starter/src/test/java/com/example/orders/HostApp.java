package com.example.orders;

import dev.longrun.JobHandler;
import dev.longrun.JobResult;
import dev.longrun.spring.LongrunJob;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A host application with endpoints and security of its own under {@code /api} (HTTP Basic on {@code /api/orders}),
 * next to Longrun's API, and one job type whose params record the OpenAPI document must describe.
 */
@SpringBootApplication
public class HostApp {

    public static final String HOST_USER = "clerk";
    public static final String HOST_PASSWORD = "clerk-password";

    /** Params of the host's job type; the OpenAPI document describes them. */
    public record ArchiveOrders(String customer, int olderThanDays, List<String> tags) {
    }

    @Bean
    @LongrunJob(value = "orders.archive", label = "Archive orders")
    JobHandler<ArchiveOrders> archiveOrders() {
        return ctx -> {
            ctx.progress(1, 1, "Archived orders of " + ctx.params().customer());
            return JobResult.message("Orders archived");
        };
    }

    /** The host's own chain: everything Longrun does not claim, HTTP Basic with the host's one user. */
    @Bean
    SecurityFilterChain hostSecurity(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(a -> a.requestMatchers("/api/orders/public").permitAll().anyRequest().authenticated())
                .httpBasic(Customizer.withDefaults())
                .csrf(c -> c.disable());
        return http.build();
    }

    @Bean
    UserDetailsService hostUsers() {
        return new InMemoryUserDetailsManager(User.withUsername(HOST_USER).password("{noop}" + HOST_PASSWORD).roles("CLERK").build());
    }

    @RestController
    static class OrdersController {
        @GetMapping("/api/orders")
        List<Map<String, Object>> orders() {
            return List.of(Map.of("id", 1, "customer", "acme"));
        }

        @GetMapping("/api/orders/public")
        Map<String, String> publicInfo() {
            return Map.of("opening_hours", "9-17");
        }
    }
}
