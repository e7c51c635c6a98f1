package dev.longrun.server.contacts;

import dev.longrun.store.SqlFolder;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The contacts table, always scoped to one account. Used by the contacts API, the seeder and the contact
 * job types. Writes go in batches (one multi-row INSERT in one transaction each), so 100,000 rows take seconds on both stores.
 */
public class ContactRepository {

    /** IN-lists are split into chunks of this size (SQLite limits bound parameters per statement). */
    private static final int ID_CHUNK = 500;
    /** Rows per INSERT statement: 5 parameters each stays below SQLite's limit of 32,766 bound parameters. */
    static final int MAX_INSERT = 1000;

    private static final RowMapper<Contact> CONTACT = (ResultSet rs, int n) -> new Contact(
            rs.getLong("id"), rs.getString("name"), rs.getString("email"), rs.getString("company"), rs.getString("created_at"));

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final SqlFolder.Statements sql;
    private final boolean bindsUuids;

    public ContactRepository(DataSource dataSource, SqlFolder folder) {
        this.bindsUuids = folder.bindsUuids();
        this.jdbc = new NamedParameterJdbcTemplate(dataSource);
        this.tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.sql = folder.statements("contacts");
    }

    public long count(String accountId, ContactFilter filter) {
        // Without a filter, plain statements: the LIKE on every row would double the time of a 100,000-row export.
        Long n = jdbc.queryForObject(sql.get(filter.isAll() ? "count_all" : "count_matching"), filtered(accountId, filter), Long.class);
        return n == null ? 0 : n;
    }

    /** Up to {@code limit} contacts with an id above {@code afterId}, in id order (keyset paging: stable while rows are added). */
    public List<Contact> page(String accountId, ContactFilter filter, long afterId, int limit) {
        MapSqlParameterSource p = filtered(accountId, filter).addValue("after", afterId).addValue("limit", limit);
        return jdbc.query(sql.get(filter.isAll() ? "page_all" : "page_matching"), p, CONTACT);
    }

    /** The account's contacts among {@code ids}, in id order; ids of other accounts are silently absent. */
    public List<Contact> byIds(String accountId, Collection<Long> ids) {
        List<Long> all = new ArrayList<>(new TreeSet<>(ids));
        List<Contact> result = new ArrayList<>(all.size());
        for (int from = 0; from < all.size(); from += ID_CHUNK) {
            List<Long> chunk = all.subList(from, Math.min(all.size(), from + ID_CHUNK));
            result.addAll(jdbc.query(sql.get("by_ids"),
                    new MapSqlParameterSource("account", accountId).addValue("ids", chunk), CONTACT));
        }
        return result;
    }

    /**
     * Sets a contact's email; false when the account has no such contact.
     * @throws org.springframework.dao.DuplicateKeyException when another contact of the account has that address
     */
    public boolean updateEmail(String accountId, long id, String email) {
        return jdbc.update(sql.get("update_email"), new MapSqlParameterSource("account", accountId).addValue("id", id)
                .addValue("email", email)) == 1;
    }

    /** Lower-cased emails of the account, for duplicate checks before an import. */
    public Set<String> existingEmails(String accountId) {
        Set<String> emails = new HashSet<>();
        jdbc.query(sql.get("existing_emails"), new MapSqlParameterSource("account", accountId),
                (ResultSet rs) -> {
                    emails.add(rs.getString(1));
                });
        return emails;
    }

    /**
     * Inserts one batch in one transaction; rows whose email the account already has are skipped.
     *
     * @param importJobId the import that adds the rows (so they can be removed again), or null
     * @return how many rows were inserted
     */
    public int insertBatch(String accountId, List<NewContact> contacts, UUID importJobId) {
        if (contacts.isEmpty()) {
            return 0;
        }
        if (contacts.size() > MAX_INSERT) {
            int inserted = 0;
            for (int from = 0; from < contacts.size(); from += MAX_INSERT) {
                inserted += insertBatch(accountId, contacts.subList(from, Math.min(contacts.size(), from + MAX_INSERT)), importJobId);
            }
            return inserted;
        }
        // PostgreSQL binds a java.util.UUID as uuid; SQLite keeps the id as text.
        Object job = importJobId == null ? null : bindsUuids ? importJobId : importJobId.toString();
        List<Object[]> rows = new ArrayList<>(contacts.size());
        for (NewContact c : contacts) {
            rows.add(new Object[] {accountId, c.name(), c.email(), c.company(), job});
        }
        Integer inserted = tx.execute(status -> jdbc.update(sql.get("insert"), new MapSqlParameterSource("rows", rows)));
        return inserted == null ? 0 : inserted;
    }

    /** Removes every row an import added, in transactions of {@code batchSize} rows; returns how many. */
    public long deleteImported(UUID importJobId, int batchSize) {
        long total = 0;
        MapSqlParameterSource p = new MapSqlParameterSource("import_job", importJobId.toString())
                .addValue("limit", batchSize);
        while (true) {
            Integer n = tx.execute(status -> jdbc.update(sql.get("delete_imported_batch"), p));
            if (n == null || n == 0) {
                return total;
            }
            total += n;
        }
    }

    public long countImported(UUID importJobId) {
        Long n = jdbc.queryForObject(sql.get("count_imported"),
                new MapSqlParameterSource("import_job", importJobId.toString()), Long.class);
        return n == null ? 0 : n;
    }

    private static MapSqlParameterSource filtered(String accountId, ContactFilter filter) {
        return new MapSqlParameterSource("account", accountId).addValue("pattern", filter.likePattern());
    }
}
