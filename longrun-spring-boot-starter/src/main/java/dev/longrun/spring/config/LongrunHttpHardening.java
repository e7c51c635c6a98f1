package dev.longrun.spring.config;

import dev.longrun.Longrun;
import dev.longrun.spring.api.ApiPaths;
import dev.longrun.spring.api.ParamsValidation;
import dev.longrun.spring.problem.ErrorDispatchProblemFilter;
import dev.longrun.spring.problem.MalformedRequestFilter;
import dev.longrun.spring.security.RevokedSessions;
import dev.longrun.spring.security.SignInThrottle;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Qualifier;
import jakarta.servlet.DispatcherType;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * What keeps bad input to the API from reaching code that would answer it with a 500, a page in another format, or
 * a job that runs on nonsense: servlet filters that run before Spring Security (whose filter has order -100) and the
 * Bean Validation of start requests' params.
 */
@Configuration(proxyBeanMethods = false)
public class LongrunHttpHardening {

    /** Where the API's paths start as sent: the servlet context path and {@code longrun.http.base-path}. */
    static String apiPrefix(Environment env) {
        return env.getProperty("server.servlet.context-path", "") + env.getProperty("longrun.http.base-path", "/api");
    }

    @Bean
    SignInThrottle longrunSignInThrottle(@Qualifier("longrunClock") Clock clock) {
        return new SignInThrottle(clock, 5, 4, Duration.ofMinutes(15));
    }

    @Bean
    RevokedSessions longrunRevokedSessions(@Qualifier("longrunClock") Clock clock) {
        return new RevokedSessions(clock);
    }

    @Bean
    ParamsValidation longrunParamsValidation(Longrun longrun, ObjectProvider<Validator> validator) {
        return new ParamsValidation(longrun, validator.getIfAvailable(() -> Validation.buildDefaultValidatorFactory().getValidator()));
    }

    @Bean
    FilterRegistrationBean<MalformedRequestFilter> longrunMalformedRequestFilter(Environment env) {
        FilterRegistrationBean<MalformedRequestFilter> r = new FilterRegistrationBean<>(new MalformedRequestFilter());
        r.addUrlPatterns(env.getProperty("longrun.http.base-path", "/api") + "/*");
        r.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return r;
    }

    @Bean
    FilterRegistrationBean<ErrorDispatchProblemFilter> longrunErrorDispatchProblemFilter(Environment env, ApiPaths paths) {
        String contextPath = env.getProperty("server.servlet.context-path", "");
        FilterRegistrationBean<ErrorDispatchProblemFilter> r = new FilterRegistrationBean<>(
                new ErrorDispatchProblemFilter(uri -> paths.isLongrunUri(uri, contextPath)));
        r.setDispatcherTypes(DispatcherType.ERROR);
        r.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return r;
    }
}
