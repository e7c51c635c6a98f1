package dev.longrun.server.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code /error} asked for directly is an address that does not exist, like any other. Spring Boot's error controller
 * lives there for the container's error dispatch (which renders the pages in {@code static/error}); asked for
 * directly it had no error to show and answered 500 with "status=999". Runs after Spring Security, so the 404 page
 * carries the dashboard's headers.
 */
@Configuration(proxyBeanMethods = false)
class ErrorPathNotFound {

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> longrunErrorPathNotFound(@Value("${server.error.path:/error}") String errorPath) {
        FilterRegistrationBean<OncePerRequestFilter> r = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws IOException {
                response.sendError(HttpStatus.NOT_FOUND.value());
            }
        });
        r.addUrlPatterns(errorPath, errorPath + "/*");
        r.setDispatcherTypes(DispatcherType.REQUEST);
        return r;
    }
}
