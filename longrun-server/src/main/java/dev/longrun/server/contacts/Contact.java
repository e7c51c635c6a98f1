package dev.longrun.server.contacts;

import com.fasterxml.jackson.annotation.JsonProperty;

/** One stored contact, as the contacts API, exports and invitations read it. {@code email} and {@code company} may be null. */
public record Contact(long id, String name, String email, String company, @JsonProperty("created_at") String createdAt) {
}
