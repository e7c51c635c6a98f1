package dev.longrun.server.contacts;

/** A contact about to be inserted (by the seeder or an import); {@code email} and {@code company} may be null. */
public record NewContact(String name, String email, String company) {
}
