package dev.longrun.server.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.longrun.ItemStatus;
import dev.longrun.JobCancelledException;
import dev.longrun.JobItem;
import dev.longrun.JobResult;
import dev.longrun.PermanentFailure;
import dev.longrun.server.contacts.Contact;
import dev.longrun.server.contacts.ContactFilter;
import dev.longrun.server.contacts.ContactRepository;
import dev.longrun.server.contacts.NewContact;
import dev.longrun.server.contacts.dedupe.ContactDedupeHandler;
import dev.longrun.server.contacts.dedupe.DedupeParams;
import dev.longrun.server.contacts.export.ContactExportHandler;
import dev.longrun.server.contacts.export.ExportParams;
import dev.longrun.server.contacts.invite.ContactInviteHandler;
import dev.longrun.server.contacts.invite.InviteParams;
import dev.longrun.server.contacts.invite.OutboxInvitationSender;
import dev.longrun.server.db.ServerSchema;
import dev.longrun.server.outbox.OutboxRepository;
import dev.longrun.server.reports.ReportHandler;
import dev.longrun.server.reports.ReportParams;
import dev.longrun.server.seed.ContactSeeder;
import dev.longrun.server.testing.FakeJobContext;
import dev.longrun.server.testing.SqliteFile;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Export, invite (local outbox), report and dedupe handlers run directly against an SQLite store. */
class ProductJobsTest {

    static SqliteFile db;
    ContactRepository contacts;
    OutboxRepository outbox;
    String account;

    @BeforeAll
    static void open() {
        db = SqliteFile.create();
        ServerSchema.migrate(db.dataSource(), ServerSchema.sql(db.dataSource()));
    }

    @AfterAll
    static void close() throws Exception {
        db.close();
    }

    @BeforeEach
    void setUp() {
        contacts = new ContactRepository(db.dataSource(), ServerSchema.sql(db.dataSource()));
        outbox = new OutboxRepository(db.dataSource(), ServerSchema.sql(db.dataSource()));
        account = "acct-" + UUID.randomUUID();
    }

    @Test
    void exportWritesEveryContactWithFormulasNeutralised() throws Exception {
        new ContactSeeder(contacts).seed(account, 2500);
        contacts.insertBatch(account, List.of(new NewContact("=HYPERLINK(\"http://evil.example\",\"x\")", "f@x.example", "+cmd|' /C calc'!A0")), null);
        FakeJobContext<ExportParams> ctx = new FakeJobContext<>(account, "alice", new ExportParams(null), 1, false);
        JobResult result = new ContactExportHandler(contacts).run(ctx);
        assertThat(result.file().rowCount()).isEqualTo(2501);
        assertThat(result.message()).startsWith("2,501 contacts exported");
        String csv = new String(ctx.files.get(result.file().filename()), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFFid,name,email,company,created_at\r\n");
        assertThat(csv.lines().count()).isEqualTo(2502);
        assertThat(csv).contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",f@x.example,\"'+cmd|' /C calc'!A0\"");
        assertThat(ctx.progress.get(ctx.progress.size() - 1)).containsExactly(2501, 2501);
    }

    @Test
    void exportOfAFilterHoldsOnlyMatchingContacts() throws Exception {
        new ContactSeeder(contacts).seed(account, 500);
        FakeJobContext<ExportParams> ctx = new FakeJobContext<>(account, "alice", new ExportParams("lovelace"), 1, false);
        JobResult result = new ContactExportHandler(contacts).run(ctx);
        assertThat(result.file().rowCount()).isEqualTo(1);
        assertThat(result.message()).startsWith("1 contact matching 'lovelace' exported");
    }

    @Test
    void exportStopsWhenCancelled() {
        new ContactSeeder(contacts).seed(account, 5000);
        FakeJobContext<ExportParams> ctx = new FakeJobContext<>(account, "alice", new ExportParams(null), 1, false)
                .cancelWhen(m -> m.startsWith("Exporting contact 2,000"));
        assertThatThrownBy(() -> new ContactExportHandler(contacts).run(ctx)).isInstanceOf(JobCancelledException.class);
    }

    @Test
    void invitesGoToTheOutboxAndInvalidAddressesFailPerContact() throws Exception {
        contacts.insertBatch(account, List.of(
                new NewContact("Ann", "ann@x.example", null),
                new NewContact("Ben", "ben@y.example", null),
                new NewContact("No Mail", null, null),
                new NewContact("Bad", "bad@@x", null)), null);
        List<Long> ids = contacts.page(account, ContactFilter.ALL, 0, 10).stream().map(Contact::id).toList();
        ContactInviteHandler handler = new ContactInviteHandler(contacts, new OutboxInvitationSender(outbox), job -> Set.of(), Duration.ZERO);
        FakeJobContext<InviteParams> ctx = new FakeJobContext<>(account, "alice", InviteParams.ofIds(ids), 1, false);
        JobResult result = handler.run(ctx);
        assertThat(result.message()).isEqualTo("2 invitations sent, 2 failed");
        assertThat(ctx.items(ItemStatus.FAILED)).extracting(FakeJobContext.Item::reason)
                .containsExactly("No email address", "Invalid email address 'bad@@x'");
        assertThat(outbox.listForUser(account, "alice", 10)).extracting(m -> m.recipient())
                .containsExactlyInAnyOrder("ann@x.example", "ben@y.example");
        assertThat(outbox.listForUser(account, "bob", 10)).isEmpty();

        List<JobItem> failed = ctx.items(ItemStatus.FAILED).stream()
                .map(i -> new JobItem(ctx.jobId(), i.key(), i.status(), i.reason(), null, Instant.now())).toList();
        assertThat(ContactInviteHandler.failedOnly(ctx.params(), failed).contactIds()).containsExactly(ids.get(2), ids.get(3));
    }

    @Test
    void aRunAfterARetryOrRestartDoesNotInviteContactsAlreadyInvited() throws Exception {
        contacts.insertBatch(account, List.of(new NewContact("Ann", "ann@x.example", null), new NewContact("Ben", "ben@x.example", null)), null);
        List<Contact> all = contacts.page(account, ContactFilter.ALL, 0, 10);
        ContactInviteHandler handler = new ContactInviteHandler(contacts, new OutboxInvitationSender(outbox),
                job -> Set.of(Long.toString(all.get(0).id())), Duration.ZERO);
        // Attempt 1 again: a job handed back at shutdown keeps its attempt number.
        FakeJobContext<InviteParams> ctx = new FakeJobContext<>(account, "alice", new InviteParams(null, ""), 1, false);
        assertThat(handler.run(ctx).message()).isEqualTo("2 invitations sent");
        assertThat(outbox.listForUser(account, "alice", 10)).extracting(m -> m.recipient()).containsExactly("ben@x.example");
    }

    @Test
    void transientSendErrorsAreRetriedForThatContactOnly() throws Exception {
        contacts.insertBatch(account, List.of(new NewContact("Ann", "ann@x.example", null)), null);
        int[] calls = {0};
        ContactInviteHandler handler = new ContactInviteHandler(contacts, inv -> {
            if (calls[0]++ == 0) {
                throw new java.io.IOException("421 try again later");
            }
        }, job -> Set.of(), Duration.ZERO);
        FakeJobContext<InviteParams> ctx = new FakeJobContext<>(account, "alice", new InviteParams(null, ""), 1, false);
        assertThat(handler.run(ctx).message()).isEqualTo("1 invitation sent");
        assertThat(calls[0]).isEqualTo(2);
    }

    @Test
    void whenNothingCouldBeSentTheJobFailsWithTheReason() {
        contacts.insertBatch(account, List.of(new NewContact("Ann", "ann@x.example", null)), null);
        ContactInviteHandler handler = new ContactInviteHandler(contacts, inv -> {
            throw new java.net.ConnectException("Connection refused");
        }, job -> Set.of(), Duration.ZERO);
        FakeJobContext<InviteParams> ctx = new FakeJobContext<>(account, "alice", new InviteParams(null, ""), 1, false);
        assertThatThrownBy(() -> handler.run(ctx)).isInstanceOf(PermanentFailure.class)
                .hasMessageContaining("0 invitations sent, 1 failed").hasMessageContaining("Connection refused");
    }

    @Test
    void inviteParamsNeedIdsOrAQuery() {
        assertThatThrownBy(() -> new InviteParams(null, null)).hasMessageStartingWith("Give contact_ids");
        assertThatThrownBy(() -> new InviteParams(List.of(1L), "x")).hasMessage("Give contact_ids or query, not both");
    }

    @Test
    void reportGoesThroughFourStepsAndWritesARealPdf() throws Exception {
        new ContactSeeder(contacts).seed(account, 3000);
        FakeJobContext<ReportParams> ctx = new FakeJobContext<>(account, "alice", new ReportParams(null), 1, false);
        JobResult result = new ReportHandler(contacts, id -> Optional.empty()).run(ctx);
        byte[] pdf = ctx.files.get(result.file().filename());
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(result.file().contentType()).isEqualTo("application/pdf");
        assertThat(ctx.messages).anyMatch(m -> m.startsWith("step 1/4: Collecting data — 2,000 of 3,000 contacts"))
                .anyMatch(m -> m.startsWith("step 2/4: Computing totals"))
                .anyMatch(m -> m.startsWith("step 3/4: Rendering — section 2 of 4"))
                .anyMatch(m -> m.startsWith("step 4/4: Writing PDF"));
        assertThat(result.message()).startsWith("Report on 3,000 contacts ready");
    }

    @Test
    void dedupeFindsTheNearDuplicatesWithoutAPercentage() throws Exception {
        new ContactSeeder(contacts).seed(account, 3000);
        FakeJobContext<DedupeParams> ctx = new FakeJobContext<>(account, "alice", new DedupeParams(null), 1, false);
        JobResult result = new ContactDedupeHandler(contacts).run(ctx);
        assertThat(ctx.progress).isEmpty();
        // A place in the companies says what it is "of" ("company 20" alone left the person guessing how many remain),
        // and the running count is of pairs, as the result counts them ("101,601 likely duplicates so far" read as
        // contacts next to "287,366 likely duplicate pairs found").
        List<String> comparing = ctx.messages.stream().filter(m -> m.startsWith("Comparing names at ")).toList();
        assertThat(comparing).isNotEmpty()
                .allMatch(m -> m.matches("Comparing names at .+ \\(company [\\d,]+ of " + comparing.size() + "\\) — [\\d,]+ likely duplicate pairs? so far"),
                        "names its place of all companies and counts pairs")
                .anyMatch(m -> m.contains("(company " + comparing.size() + " of " + comparing.size() + ")"));
        assertThat(ctx.messages).filteredOn(m -> m.contains("likely duplicate")).allMatch(m -> m.contains("likely duplicate pair"))
                .anyMatch(m -> m.startsWith("Writing the list of "));
        assertThat(result.file().rowCount()).isGreaterThanOrEqualTo(25);
        String csv = new String(ctx.files.get(result.file().filename()), StandardCharsets.UTF_8);
        assertThat(csv.lines().skip(1)).allMatch(line -> line.matches("0\\.9\\d,.*|1\\.00,.*"));
    }
}
