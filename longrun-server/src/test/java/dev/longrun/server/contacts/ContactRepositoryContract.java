package dev.longrun.server.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.longrun.server.db.ServerSchema;
import dev.longrun.server.seed.ContactSeeder;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the contacts table promises on every store; run against PostgreSQL and SQLite by the subclasses. */
abstract class ContactRepositoryContract {

    protected abstract DataSource dataSource();

    ContactRepository contacts;
    String account;

    @BeforeEach
    void migrate() {
        ServerSchema.migrate(dataSource(), ServerSchema.sql(dataSource()));
        contacts = new ContactRepository(dataSource(), ServerSchema.sql(dataSource()));
        account = "acct-" + UUID.randomUUID();
    }

    @Test
    void migratingTwiceChangesNothing() {
        ServerSchema.migrate(dataSource(), ServerSchema.sql(dataSource()));
        assertThat(contacts.count(account, ContactFilter.ALL)).isZero();
    }

    @Test
    void insertBatchSkipsEmailsTheAccountAlreadyHasIgnoringCase() {
        contacts.insertBatch(account, List.of(new NewContact("Ada", "ada@x.example", "X")), null);
        int inserted = contacts.insertBatch(account, List.of(
                new NewContact("Ada again", "ADA@x.example", "X"),
                new NewContact("Bob", "bob@x.example", null),
                new NewContact("No mail", null, null),
                new NewContact("No mail either", null, null)), null);
        assertThat(inserted).isEqualTo(3);
        assertThat(contacts.count(account, ContactFilter.ALL)).isEqualTo(4);
    }

    @Test
    void theSameEmailMayExistInAnotherAccount() {
        contacts.insertBatch(account, List.of(new NewContact("Ada", "ada@x.example", "X")), null);
        assertThat(contacts.insertBatch("other-" + account, List.of(new NewContact("Ada", "ada@x.example", "X")), null)).isEqualTo(1);
    }

    @Test
    void filterMatchesNameEmailOrCompanyAndTreatsWildcardsLiterally() {
        contacts.insertBatch(account, List.of(
                new NewContact("Ada Lovelace", "ada@analytical.example", "Analytical"),
                new NewContact("Percy 100%", "percy@x.example", "Percent_Co"),
                new NewContact("Bob", "bob@y.example", "Globex")), null);
        assertThat(contacts.count(account, ContactFilter.of("LOVELACE"))).isEqualTo(1);
        assertThat(contacts.count(account, ContactFilter.of("analytical.example"))).isEqualTo(1);
        assertThat(contacts.count(account, ContactFilter.of("globex"))).isEqualTo(1);
        assertThat(contacts.count(account, ContactFilter.of("100%"))).isEqualTo(1);
        assertThat(contacts.count(account, ContactFilter.of("%"))).isEqualTo(1);
        assertThat(contacts.count(account, ContactFilter.of("t_c"))).isEqualTo(1);
        assertThat(contacts.count(account, ContactFilter.of("  "))).isEqualTo(3);
    }

    @Test
    void pagesWalkEveryContactOnceInIdOrder() {
        contacts.insertBatch(account, dev.longrun.server.seed.DemoContacts.range(0, 250), null);
        long after = 0;
        int seen = 0;
        while (true) {
            List<Contact> page = contacts.page(account, ContactFilter.ALL, after, 100);
            if (page.isEmpty()) {
                break;
            }
            assertThat(page.get(0).id()).isGreaterThan(after);
            assertThat(page.get(0).createdAt()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
            seen += page.size();
            after = page.get(page.size() - 1).id();
        }
        assertThat(seen).isEqualTo(250);
    }

    @Test
    void byIdsReturnsOnlyTheAccountsOwnContacts() {
        contacts.insertBatch(account, List.of(new NewContact("Mine", "mine@x.example", null)), null);
        contacts.insertBatch("other-" + account, List.of(new NewContact("Theirs", "theirs@x.example", null)), null);
        List<Long> allIds = new java.util.ArrayList<>();
        allIds.addAll(contacts.page(account, ContactFilter.ALL, 0, 10).stream().map(Contact::id).toList());
        allIds.addAll(contacts.page("other-" + account, ContactFilter.ALL, 0, 10).stream().map(Contact::id).toList());
        assertThat(contacts.byIds(account, allIds)).extracting(Contact::name).containsExactly("Mine");
    }

    @Test
    void deleteImportedRemovesExactlyTheRowsOfThatImport() {
        UUID importA = UUID.randomUUID();
        UUID importB = UUID.randomUUID();
        contacts.insertBatch(account, List.of(new NewContact("Seeded", "seeded@x.example", null)), null);
        contacts.insertBatch(account, dev.longrun.server.seed.DemoContacts.range(10, 35), importA);
        contacts.insertBatch(account, List.of(new NewContact("From B", "b@x.example", null)), importB);
        assertThat(contacts.countImported(importA)).isEqualTo(25);
        assertThat(contacts.deleteImported(importA, 10)).isEqualTo(25);
        assertThat(contacts.countImported(importA)).isZero();
        assertThat(contacts.count(account, ContactFilter.ALL)).isEqualTo(2);
    }

    @Test
    void existingEmailsAreLowerCased() {
        contacts.insertBatch(account, List.of(new NewContact("Ada", "Ada@X.example", null)), null);
        assertThat(contacts.existingEmails(account)).containsExactly("ada@x.example");
    }

    @Test
    void seedingTwiceAddsContactsOnlyOnce() {
        ContactSeeder seeder = new ContactSeeder(contacts);
        assertThat(seeder.seed(account, 2500)).isEqualTo(2500);
        assertThat(seeder.seed(account, 2500)).isZero();
        assertThat(contacts.count(account, ContactFilter.ALL)).isEqualTo(2500);
    }
}
