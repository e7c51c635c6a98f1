package dev.longrun.spring.api;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code GET /api/openapi.json}: the springdoc description at its conventional path, under the API's own prefix. */
@Controller
public class OpenApiAliasController {

    @GetMapping("/api/openapi.json")
    public String openApi() {
        return "forward:/v3/api-docs";
    }
}
