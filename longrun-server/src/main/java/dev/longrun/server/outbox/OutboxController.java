package dev.longrun.server.outbox;

import dev.longrun.spring.problem.ApiProblem;
import dev.longrun.spring.security.Caller;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/outbox}: the invitations the caller's jobs put in the local outbox, newest first. */
@RestController
public class OutboxController {

    static final int MAX_LIMIT = 500;

    private final OutboxRepository outbox;

    public OutboxController(OutboxRepository outbox) {
        this.outbox = outbox;
    }

    public record OutboxPage(List<OutboxMessage> messages) {
    }

    @GetMapping("/api/outbox")
    public OutboxPage list(@AuthenticationPrincipal Caller caller, @RequestParam(defaultValue = "100") int limit) {
        Caller user = caller.requireUnscoped("read the outbox");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ApiProblem.invalidField("limit", "limit must be between 1 and " + MAX_LIMIT);
        }
        return new OutboxPage(outbox.listForUser(user.accountId(), user.userId(), limit));
    }
}
