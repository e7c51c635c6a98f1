package dev.longrun.server.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The dashboard's pages and assets (everything outside the API, whose security the starter brings): open to
 * everyone, as the pages ask the API who is signed in, and sent with the headers that keep them from being framed
 * or misread: a Content-Security-Policy (scripts only from this server or the pages' own inline scripts, by hash;
 * {@code frame-ancestors 'none'}), {@code X-Frame-Options: DENY}, {@code X-Content-Type-Options: nosniff} and
 * {@code Referrer-Policy: same-origin} (signed download links in addresses stay on this site).
 */
@Configuration(proxyBeanMethods = false)
public class DashboardSecurity {

    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE - 10)
    SecurityFilterChain dashboardFilterChain(HttpSecurity http, @Value("${longrun.http.base-path:/api}") String apiBase) throws Exception {
        String csp = "default-src 'self'; script-src 'self' " + String.join(" ", InlineScriptHashes.of("classpath*:static/**/*.html"))
                + "; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; "
                + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
        http.securityMatcher((HttpServletRequest r) -> !isApi(r, apiBase))
                .csrf(c -> c.disable()) // the pages change nothing themselves; the API checks the origin of cookie writes
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .formLogin(f -> f.disable())
                .httpBasic(b -> b.disable())
                .logout(l -> l.disable())
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(csp))
                        .frameOptions(f -> f.deny())
                        .contentTypeOptions(c -> { })
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN)))
                .authorizeHttpRequests(a -> a.anyRequest().permitAll());
        return http.build();
    }

    private static boolean isApi(HttpServletRequest request, String apiBase) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals(apiBase) || path.startsWith(apiBase + "/");
    }
}
