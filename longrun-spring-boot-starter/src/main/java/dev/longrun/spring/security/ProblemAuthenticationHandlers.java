package dev.longrun.spring.security;

import dev.longrun.spring.problem.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** Answers unauthenticated (401) and forbidden (403) API requests with problems instead of a login page. */
public final class ProblemAuthenticationHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
        Object ignored = request.getAttribute(LongrunAuthenticationFilter.IGNORED_SESSION);
        String detail = ignored != null ? ignored.toString()
                : "Sign in, or send a token (Authorization: Bearer <token>) or an API key (X-Longrun-Api-Key).";
        Problems.write(response, HttpStatus.UNAUTHORIZED, "unauthenticated", detail, request.getRequestURI());
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e) throws IOException {
        Problems.write(response, HttpStatus.FORBIDDEN, "forbidden", "You may not do this.", request.getRequestURI());
    }
}
