package com.example.shop;

import dev.longrun.spring.api.ApiPaths;
import dev.longrun.spring.security.LongrunTokens;
import java.security.Principal;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /app/longrun-token}: a short-lived Longrun token for the signed-in clerk, which the page hands to the
 * web components before they fetch anything, and where Longrun's API is ({@code longrun.http.base-path}). The shop's
 * own security guards this endpoint.
 */
@RestController
class LongrunTokenController {

    /** Longrun keeps jobs per account; the shop is one account. */
    static final String ACCOUNT = "shop";

    private final LongrunTokens tokens;
    private final ApiPaths paths;

    LongrunTokenController(LongrunTokens tokens, ApiPaths paths) {
        this.tokens = tokens;
        this.paths = paths;
    }

    @GetMapping("/app/longrun-token")
    Map<String, String> token(Principal clerk) {
        return Map.of("token", tokens.mintUserToken(ACCOUNT, clerk.getName()), "api", paths.base());
    }
}
