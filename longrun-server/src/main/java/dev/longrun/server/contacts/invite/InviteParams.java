package dev.longrun.server.contacts.invite;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Params of {@code contacts.invite}: the selected contacts by id, or every contact matching {@code query}
 * (an empty query selects all). {@code retry-failed} builds params with only the failed contact ids.
 */
public record InviteParams(@JsonProperty("contact_ids") List<Long> contactIds, String query) {

    static final int MAX_IDS = 100_000;

    public InviteParams {
        boolean hasIds = contactIds != null && !contactIds.isEmpty();
        if (!hasIds && query == null) {
            throw new IllegalArgumentException("Give contact_ids (the selected contacts) or query (\"\" for all contacts)");
        }
        if (hasIds && query != null) {
            throw new IllegalArgumentException("Give contact_ids or query, not both");
        }
        if (hasIds && contactIds.size() > MAX_IDS) {
            throw new IllegalArgumentException("At most " + MAX_IDS + " contact_ids per invitation job; use query to select more");
        }
        if (hasIds && contactIds.stream().anyMatch(id -> id == null)) {
            throw new IllegalArgumentException("contact_ids must not contain null");
        }
        contactIds = hasIds ? List.copyOf(contactIds) : null;
    }

    public static InviteParams ofIds(List<Long> ids) {
        return new InviteParams(ids, null);
    }
}
