package dev.longrun.server.outbox;

import dev.longrun.store.SqlFolder;
import java.sql.Types;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** The {@code outbox_messages} table: written by the invite job when no SMTP server is configured, read by {@link OutboxController}. */
public class OutboxRepository {

    private final NamedParameterJdbcTemplate jdbc;
    private final SqlFolder.Statements sql;

    public OutboxRepository(DataSource dataSource, SqlFolder folder) {
        this.jdbc = new NamedParameterJdbcTemplate(dataSource);
        this.sql = folder.statements("outbox");
    }

    public void insert(String accountId, String userId, UUID jobId, String recipient, String subject, String body) {
        jdbc.update(sql.get("insert"), new MapSqlParameterSource("account", accountId)
                .addValue("user", userId)
                .addValue("job", jobId == null ? null : jobId.toString(), Types.VARCHAR)
                .addValue("recipient", recipient)
                .addValue("subject", subject)
                .addValue("body", body));
    }

    /** The user's messages, newest first. */
    public List<OutboxMessage> listForUser(String accountId, String userId, int limit) {
        return jdbc.query(sql.get("list_for_user"),
                new MapSqlParameterSource("account", accountId).addValue("user", userId).addValue("limit", limit),
                (rs, n) -> new OutboxMessage(rs.getLong("id"), rs.getString("job_id"), rs.getString("recipient"),
                        rs.getString("subject"), rs.getString("body"), rs.getString("created_at")));
    }
}
