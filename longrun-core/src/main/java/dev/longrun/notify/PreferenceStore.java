package dev.longrun.notify;

import dev.longrun.store.NamedSql;
import java.util.List;

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
