package dev.longrun.spring.config;

import dev.longrun.spring.security.ApiKeys;
import dev.longrun.spring.security.LongrunAuthenticationFilter;
import dev.longrun.spring.security.LongrunTokens;
import dev.longrun.spring.security.ProblemAuthenticationHandlers;
import dev.longrun.spring.security.RevokedSessions;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * The actuator endpoints the starter exposes ({@code health}, {@code info}, {@code prometheus}): health is public
 * but says only UP or DOWN; its components and every other endpoint (metrics name paths, versions and job types)
 * need an API key ({@code X-Longrun-Api-Key} or {@code Authorization: Bearer}). A host that secures its actuator
 * itself, or serves it on a separate management port, sets {@code longrun.actuator.secured=false}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest")
@ConditionalOnProperty(name = "longrun.actuator.secured", havingValue = "true", matchIfMissing = true)
public class LongrunActuatorSecurity {

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 60)
    public SecurityFilterChain longrunActuatorSecurity(HttpSecurity http, ApiKeys apiKeys, LongrunTokens tokens, RevokedSessions revoked)
            throws Exception {
        ProblemAuthenticationHandlers problems = new ProblemAuthenticationHandlers();
        http.securityMatcher(EndpointRequest.toAnyEndpoint())
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .formLogin(f -> f.disable())
                .httpBasic(b -> b.disable())
                .logout(l -> l.disable())
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .addFilterBefore(new LongrunAuthenticationFilter(apiKeys, tokens, revoked), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a
                        .requestMatchers(EndpointRequest.to("health")).permitAll()
                        .anyRequest().hasAuthority("LONGRUN_API_KEY"));
        return http.build();
    }
}
