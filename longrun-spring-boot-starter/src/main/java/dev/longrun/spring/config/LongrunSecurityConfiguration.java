package dev.longrun.spring.config;

import dev.longrun.Longrun;
import dev.longrun.spring.api.ApiPaths;
import dev.longrun.spring.api.NotModifiedFilter;
import dev.longrun.spring.problem.Problems;
import dev.longrun.spring.security.ApiKeys;
import dev.longrun.spring.security.BodyLimitFilter;
import dev.longrun.spring.security.LongrunAuthenticationFilter;
import dev.longrun.spring.security.LongrunTokens;
import dev.longrun.spring.security.ProblemAuthenticationHandlers;
import dev.longrun.spring.security.RevokedSessions;
import dev.longrun.spring.security.SameOriginFilter;
import jakarta.servlet.DispatcherType;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Spring Security for Longrun's own endpoints ({@link ApiPaths#patterns()}: the API under the base path, plus any
 * {@code longrun.http.host-paths}): stateless, no login page or CSRF token (the session cookie is SameSite=Strict
 * and HttpOnly, and its state-changing requests must come from this site: {@link SameOriginFilter}), credentials
 * read by {@link LongrunAuthenticationFilter}, every refusal a problem. Sign-in, the OpenAPI alias and signed
 * download links are open; all else needs a caller. Every other path, including a host's own endpoints under the
 * same prefix (say {@code /api/orders}), is left to the host application's own security.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
public class LongrunSecurityConfiguration {

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 50)
    public SecurityFilterChain longrunApiSecurity(HttpSecurity http, ApiKeys apiKeys, LongrunTokens tokens, LongrunProperties p,
                                                  RevokedSessions revoked, Environment env,
                                                  ApiPaths paths) throws Exception {
        ProblemAuthenticationHandlers problems = new ProblemAuthenticationHandlers();
        http.securityMatcher(paths.requestMatcher())
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .formLogin(f -> f.disable())
                .httpBasic(b -> b.disable())
                .logout(l -> l.disable())
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .addFilterBefore(new BodyLimitFilter(p.getMaxRequestBody().toBytes()), AnonymousAuthenticationFilter.class)
                .addFilterBefore(new LongrunAuthenticationFilter(apiKeys, tokens, revoked), AnonymousAuthenticationFilter.class)
                .addFilterAfter(new SameOriginFilter(LongrunHttpHardening.apiPrefix(env) + "/session"), LongrunAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a
                        .dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR, DispatcherType.FORWARD).permitAll()
                        .requestMatchers(paths.path("/session"), paths.path("/openapi.json")).permitAll()
                        .requestMatchers(HttpMethod.GET, paths.path("/files/**")).permitAll()
                        .requestMatchers(HttpMethod.HEAD, paths.path("/files/**")).permitAll()
                        .anyRequest().authenticated());
        return http.build();
    }

    /**
     * 304s for status polls before the filter chain above (see {@link NotModifiedFilter}): after the request
     * observation (so {@code http.server.requests} still counts them) and the malformed-request filter, before Spring
     * Security's filter (order -100).
     */
    @Bean
    FilterRegistrationBean<NotModifiedFilter> longrunNotModifiedFilter(Longrun longrun, ApiKeys apiKeys, LongrunTokens tokens,
                                                                       RevokedSessions revoked, ApiPaths paths,
                                                                       Environment env) {
        String contextPath = env.getProperty("server.servlet.context-path", "");
        FilterRegistrationBean<NotModifiedFilter> r = new FilterRegistrationBean<>(new NotModifiedFilter(longrun,
                new LongrunAuthenticationFilter(apiKeys, tokens, revoked), paths, contextPath));
        r.addUrlPatterns(paths.path("/jobs/*"));
        r.setOrder(Ordered.HIGHEST_PRECEDENCE + 30);
        return r;
    }

    /** Requests the firewall refuses (encoded slashes, "..", control characters) get a problem under the base path, too. */
    @Bean
    @ConditionalOnMissingBean(RequestRejectedHandler.class)
    public RequestRejectedHandler longrunRequestRejectedHandler(ApiPaths paths) {
        return (request, response, e) -> {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            if (!FIREWALL_METHODS.contains(request.getMethod())) {
                // Tomcat refuses TRACE itself (405); Jetty passes it on, and the firewall refuses every method it does not know.
                response.setHeader(HttpHeaders.ALLOW, String.join(", ", FIREWALL_METHODS));
                if (paths.isUnderBase(path)) {
                    Problems.write(response, HttpStatus.METHOD_NOT_ALLOWED, "method_not_allowed", printable(request.getMethod())
                            + " is not supported by this server; use " + String.join(", ", FIREWALL_METHODS) + ".", null);
                } else {
                    response.sendError(HttpStatus.METHOD_NOT_ALLOWED.value());
                }
                return;
            }
            if (paths.isUnderBase(path)) {
                Problems.write(response, HttpStatus.BAD_REQUEST, "request_rejected", "The address contains characters that are "
                        + "not allowed (such as encoded slashes, '..' or control characters). Check the link you followed.", null);
            } else {
                response.sendError(HttpStatus.BAD_REQUEST.value());
            }
        };
    }

    /** The methods Spring Security's firewall lets through (StrictHttpFirewall's default). */
    private static final List<String> FIREWALL_METHODS = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    private static String printable(String method) {
        String cut = method.length() > 20 ? method.substring(0, 20) + "…" : method;
        return cut.replaceAll("[^\\x21-\\x7e]", "?");
    }
}
