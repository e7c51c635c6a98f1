package dev.longrun.spring.notify;

import dev.longrun.spring.api.ApiPaths;
import org.springframework.web.bind.annotation.RequestMapping;
import dev.longrun.Longrun;
import dev.longrun.notify.Preference;
import dev.longrun.notify.PreferenceChannel;
import dev.longrun.notify.PreferenceStore;
import dev.longrun.spring.problem.ApiProblem;
import dev.longrun.spring.security.Caller;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * {@code GET/PUT /api/notification-preferences}: per job type (or {@code "*"} for all), in-app only, email, or both.
 * PUT replaces the caller's whole list; without an entry the default applies (in-app, plus email for jobs longer than
 * {@code longrun.notify.email-after}), which GET spells out.
 */
@RestController
@RequestMapping(ApiPaths.BASE)
public class PreferencesController {

    private final PreferenceStore store;
    private final Longrun longrun;
    private final NotifyProperties properties;

    public PreferencesController(PreferenceStore store, Longrun longrun, NotifyProperties properties) {
        this.store = store;
        this.longrun = longrun;
        this.properties = properties;
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Entry(String jobType, String channel) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Request(List<Entry> preferences) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Defaults(String text, long emailAfterSeconds) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record View(List<Entry> preferences, List<String> channels, Defaults defaults) {
    }

    @GetMapping("/notification-preferences")
    public View get(@AuthenticationPrincipal Caller caller) {
        caller.requireUnscoped("read notification preferences");
        return view(store.of(caller.accountId(), caller.userId()));
    }

    @PutMapping("/notification-preferences")
    public View put(@AuthenticationPrincipal Caller caller, @RequestBody(required = false) Request request) {
        caller.requireUnscoped("change notification preferences");
        if (request == null || request.preferences() == null) {
            throw ApiProblem.invalidField("preferences", "Send {\"preferences\": [{\"job_type\": \"*\", \"channel\": \"both\"}]}; "
                    + "channel is one of " + PreferenceChannel.wireValues() + ".");
        }
        List<Preference> parsed = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < request.preferences().size(); i++) {
            Entry e = request.preferences().get(i);
            String field = "preferences[" + i + "]";
            if (e == null || e.jobType() == null || e.jobType().isBlank()) {
                throw ApiProblem.invalidField(field + ".job_type", "Each preference needs a job_type: a job type name or \"*\" for all types.");
            }
            if (!e.jobType().equals(Preference.ALL_TYPES) && longrun.jobType(e.jobType()).isEmpty()) {
                throw ApiProblem.invalidField(field + ".job_type", "There is no job type '" + e.jobType() + "'; use one of "
                        + longrun.jobTypes().stream().map(t -> t.name()).sorted().toList() + " or \"*\".");
            }
            if (!seen.add(e.jobType())) {
                throw ApiProblem.invalidField(field + ".job_type", "'" + e.jobType() + "' appears twice; give each job type once.");
            }
            try {
                parsed.add(new Preference(e.jobType(), PreferenceChannel.fromWire(e.channel())));
            } catch (IllegalArgumentException ex) {
                throw ApiProblem.invalidField(field + ".channel", ex.getMessage());
            }
        }
        store.replace(caller.accountId(), caller.userId(), parsed);
        return view(parsed);
    }

    private View view(List<Preference> preferences) {
        long seconds = properties.getEmailAfter().toSeconds();
        String text = "In-app always; email too when a job runs longer than " + human(seconds) + ".";
        return new View(preferences.stream().map(p -> new Entry(p.jobType(), p.channel().wire())).toList(),
                PreferenceChannel.wireValues(), new Defaults(text, seconds));
    }

    private static String human(long seconds) {
        if (seconds % 60 == 0) {
            long minutes = seconds / 60;
            return minutes + (minutes == 1 ? " minute" : " minutes");
        }
        return seconds + " seconds";
    }
}
