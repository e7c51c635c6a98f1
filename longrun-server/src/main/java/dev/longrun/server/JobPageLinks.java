package dev.longrun.server;

import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Notifications (email, webhooks, the inbox) link to a job as {@code /jobs/<id>}; in this product
 * that page is the dashboard's {@code job.html}. A malformed id is a plain 404 page, like any bad URL.
 */
@Controller
class JobPageLinks {

    @GetMapping("/jobs/{id}")
    String jobPage(@PathVariable UUID id) {
        return "redirect:/job.html?id=" + id;
    }
}
