package dev.longrun.spring.api;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** {@code GET /api/openapi.json}: Longrun's springdoc group ({@code /v3/api-docs/longrun}) under the API's own prefix. */
@Controller
@RequestMapping(ApiPaths.BASE)
public class OpenApiAliasController {

    private final String docsPath;

    public OpenApiAliasController(@Value("${springdoc.api-docs.path:/v3/api-docs}") String docsPath) {
        this.docsPath = docsPath;
    }

    @GetMapping("/openapi.json")
    public String openApi() {
        return "forward:" + docsPath + "/longrun";
    }
}
