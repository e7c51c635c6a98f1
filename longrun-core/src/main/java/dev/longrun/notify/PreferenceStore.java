package dev.longrun.notify;

import dev.longrun.store.NamedSql;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Users' channel choices per job type; read by the {@link Dispatcher}, written by the preferences API. */
public final class PreferenceStore {

    private final NamedSql sql;
    private final Rows rows;

    PreferenceStore(NamedSql sql, Rows rows) {
        this.sql = sql;
        this.rows = rows;
    }

    public List<Preference> of(String accountId, String userId) {
        if (accountId == null || userId == null) {
            return List.of();
        }
        return sql.read(c -> sql.query(c, "Preferences", Args.of("account_id", accountId).and("user_id", userId), rows::preference));
    }

    /** A user of an account. */
    public record Owner(String accountId, String userId) {
    }

    /** The choices of several users in one read; a user without any (or without an account) maps to an empty list. */
    public Map<Owner, List<Preference>> of(Collection<Owner> owners) {
        Set<Owner> asked = owners.stream().filter(o -> o.accountId() != null && o.userId() != null).collect(Collectors.toSet());
        Map<Owner, List<Preference>> chosen = new HashMap<>();
        owners.forEach(o -> chosen.put(o, new ArrayList<>()));
        if (asked.isEmpty()) {
            return chosen;
        }
        Args args = Args.of("account_ids", NamedSql.texts(asked.stream().map(Owner::accountId).collect(Collectors.toSet())))
                .and("user_ids", NamedSql.texts(asked.stream().map(Owner::userId).collect(Collectors.toSet())));
        sql.read(c -> sql.query(c, "PreferencesOfOwners", args,
                rs -> Map.entry(new Owner(rs.getString("account_id"), rs.getString("user_id")), rows.preference(rs))))
                .stream().filter(e -> asked.contains(e.getKey()))
                .forEach(e -> chosen.get(e.getKey()).add(e.getValue()));
        return chosen;
    }

    /** Replaces all of the user's choices at once. */
    public void replace(String accountId, String userId, List<Preference> preferences) {
        sql.write(c -> {
            sql.update(c, "DeletePreferences", Args.of("account_id", accountId).and("user_id", userId));
            for (Preference p : preferences) {
                sql.update(c, "InsertPreference", Args.of("account_id", accountId).and("user_id", userId)
                        .and("job_type", p.jobType()).and("channel", p.channel().wire()));
            }
            return null;
        });
    }

    /** The choice for a type: its own, else the one for all types, else null (the default applies). */
    public static PreferenceChannel resolve(List<Preference> preferences, String jobType) {
        PreferenceChannel all = null;
        for (Preference p : preferences) {
            if (p.jobType().equals(jobType)) {
                return p.channel();
            }
            if (p.jobType().equals(Preference.ALL_TYPES)) {
                all = p.channel();
            }
        }
        return all;
    }
}
