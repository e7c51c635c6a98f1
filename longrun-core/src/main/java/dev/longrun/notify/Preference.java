package dev.longrun.notify;

/** A user's channel choice for one job type, or for all ({@link #ALL_TYPES}); set through the preferences API. */
public record Preference(String jobType, PreferenceChannel channel) {

    public static final String ALL_TYPES = "*";
}
