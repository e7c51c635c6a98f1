package dev.longrun.server.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.longrun.ItemStatus;
import dev.longrun.JobCancelledException;
import dev.longrun.JobResult;
import dev.longrun.PermanentFailure;
import dev.longrun.server.contacts.ContactFilter;
import dev.longrun.server.contacts.ContactRepository;
import dev.longrun.server.contacts.NewContact;
import dev.longrun.server.contacts.imports.ContactImportHandler;
import dev.longrun.server.contacts.imports.ImportParams;
import dev.longrun.server.contacts.imports.ImportPreview;
import dev.longrun.server.contacts.imports.ImportUploads;
import dev.longrun.server.db.ServerSchema;
import dev.longrun.server.seed.ContactSeeder;
import dev.longrun.server.testing.FakeJobContext;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The import handler against a real store (PostgreSQL and SQLite subclasses), run directly with a fake
 * context: preview, confirm, cancel and failure cleanup, and retries that never duplicate.
 */
abstract class ContactJobsContract {

    protected abstract DataSource dataSource();

    ContactRepository contacts;
    String account;
    final Map<String, byte[]> files = new HashMap<>();
    /** When set, the upload's stream fails after this many bytes (simulates a lost disk or connection). */
    volatile long failAfterBytes = -1;
    ImportUploads uploads = (id, acct, user) -> Optional.ofNullable(files.get(id))
            .filter(b -> "alice".equals(user))
            .map(b -> new ImportUploads.Upload(id + ".csv", b.length, () -> stream(b)));

    @BeforeEach
    void setUp() {
        ServerSchema.migrate(dataSource(), ServerSchema.sql(dataSource()));
        contacts = new ContactRepository(dataSource(), ServerSchema.sql(dataSource()));
        account = "acct-" + UUID.randomUUID();
        new ContactSeeder(contacts).seed(account, 10);
    }

    @Test
    void anInvitationWrittenAgainForTheSameJobAndRecipientIsKeptOnce() {
        var outbox = new dev.longrun.server.outbox.OutboxRepository(dataSource(), ServerSchema.sql(dataSource()));
        UUID job = UUID.randomUUID();
        String user = "u-" + UUID.randomUUID();
        outbox.insert(account, user, job, "Ann@Example.com", "Invitation", "Hello");
        outbox.insert(account, user, job, "ann@example.com", "Invitation", "Hello"); // the job ran again after a crash
        outbox.insert(account, user, UUID.randomUUID(), "ann@example.com", "Invitation", "Hello"); // another job may

        assertThat(outbox.listForUser(account, user, 10)).hasSize(2);
    }

    InputStream stream(byte[] bytes) {
        long limit = failAfterBytes;
        InputStream in = new ByteArrayInputStream(bytes);
        if (limit < 0) {
            return in;
        }
        return new FilterInputStream(in) {
            long read;

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (read >= limit) {
                    throw new IOException("disk went away");
                }
                int n = super.read(b, off, (int) Math.min(len, Math.max(1, limit - read)));
                read += Math.max(0, n);
                return n;
            }
        };
    }

    String upload(byte[] bytes) {
        String id = UUID.randomUUID().toString();
        files.put(id, bytes);
        return id;
    }

    static byte[] bulk(int rows) {
        StringBuilder csv = new StringBuilder("name,email,company\n");
        for (int i = 0; i < rows; i++) {
            csv.append("Bulk ").append(i).append(",bulk").append(i).append("@import.example,Bulk Co\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    ContactImportHandler handler() {
        return new ContactImportHandler(contacts, uploads);
    }

    @Test
    void previewStopsForConfirmationAndWritesNothing() throws Exception {
        String id = upload(Files.readAllBytes(Path.of("..", "docs", "samples", "contacts-with-problems.csv")));
        FakeJobContext<ImportParams> ctx = new FakeJobContext<>(account, "alice", new ImportParams(id), 1, false);
        handler().run(ctx);
        assertThat(ctx.stop.kind()).isEqualTo("import_preview");
        assertThat(ctx.stop.message()).isEqualTo("6 rows checked · 4 ready to import (1 with a change) · 2 will be skipped. Import the 4 ready rows?");
        ImportPreview preview = (ImportPreview) ctx.stop.preview();
        assertThat(preview.errors()).isEqualTo(2);
        assertThat(ctx.items(ItemStatus.FAILED)).extracting(FakeJobContext.Item::key).containsExactly("row 4", "row 5");
        assertThat(ctx.items(ItemStatus.WARNING)).extracting(FakeJobContext.Item::key).containsExactly("row 3");
        assertThat(contacts.count(account, ContactFilter.ALL)).isEqualTo(10);
    }

    @Test
    void confirmImportsTheReadyRowsInBatchesWithProgress() throws Exception {
        String id = upload(bulk(2500));
        FakeJobContext<ImportParams> first = new FakeJobContext<>(account, "alice", new ImportParams(id), 1, false);
        handler().run(first);
        FakeJobContext<ImportParams> confirmed = first.rerun(1, true);
        JobResult result = handler().run(confirmed);
        assertThat(result.message()).isEqualTo("2,500 contacts imported");
        assertThat(confirmed.messages).contains("Importing row 1,000 of 2,500", "Importing row 2,500 of 2,500");
        assertThat(contacts.countImported(confirmed.jobId())).isEqualTo(2500);
    }

    @Test
    void problemSampleImportsFourRowsOneWithoutEmail() throws Exception {
        String id = upload(Files.readAllBytes(Path.of("..", "docs", "samples", "contacts-with-problems.csv")));
        FakeJobContext<ImportParams> ctx = new FakeJobContext<>(account, "alice", new ImportParams(id), 1, true);
        JobResult result = handler().run(ctx);
        assertThat(result.message()).isEqualTo("4 contacts imported · 2 rows skipped · 1 imported without email");
        assertThat(contacts.page(account, ContactFilter.of("Ben Carter"), 0, 10)).singleElement()
                .satisfies(c -> assertThat(c.email()).isNull());
    }

    @Test
    void cancelMidwayLeavesNoImportedRows() throws Exception {
        String id = upload(bulk(5000));
        FakeJobContext<ImportParams> ctx = new FakeJobContext<>(account, "alice", new ImportParams(id), 1, true)
                .cancelWhen(m -> m.equals("Importing row 2,000 of 5,000"));
        assertThatThrownBy(() -> handler().run(ctx)).isInstanceOf(JobCancelledException.class);
        assertThat(contacts.countImported(ctx.jobId())).isEqualTo(2000);
        ctx.runCancelHooks();
        assertThat(contacts.countImported(ctx.jobId())).isZero();
        assertThat(contacts.count(account, ContactFilter.ALL)).isEqualTo(10);
    }

    @Test
    void failureMidwayRemovesTheRowsAndTheNextAttemptImportsEachRowOnce() throws Exception {
        byte[] file = bulk(5000);
        String id = upload(file);
        FakeJobContext<ImportParams> ctx = new FakeJobContext<>(account, "alice", new ImportParams(id), 1, true);
        // The counting pass reads the whole file; the failure hits the import pass after about 3,000 rows.
        failAfterBytes = file.length * 6L / 10;
        ImportUploads failingOnSecondOpen = new ImportUploads() {
            int opens;

            @Override
            public Optional<Upload> find(String uploadId, String accountId, String userId) {
                return Optional.of(new Upload("bulk.csv", file.length, () -> ++opens >= 2 ? stream(file) : new ByteArrayInputStream(file)));
            }
        };
        assertThatThrownBy(() -> new ContactImportHandler(contacts, failingOnSecondOpen).run(ctx)).hasMessageContaining("disk went away");
        assertThat(contacts.countImported(ctx.jobId())).isZero();
        assertThat(ctx.logs).anyMatch(l -> l.contains("Removed the"));

        failAfterBytes = -1;
        JobResult second = handler().run(ctx.rerun(2, true));
        assertThat(second.message()).isEqualTo("5,000 contacts imported");
        assertThat(contacts.count(account, ContactFilter.ALL)).isEqualTo(5010);
    }

    @Test
    void anAttemptAfterACrashFirstRemovesWhatTheEarlierAttemptAdded() throws Exception {
        String id = upload(bulk(1500));
        FakeJobContext<ImportParams> ctx = new FakeJobContext<>(account, "alice", new ImportParams(id), 2, true);
        // What a killed worker left behind: rows without email would otherwise be duplicated.
        contacts.insertBatch(account, List.of(new NewContact("Left behind", null, null)), ctx.jobId());
        handler().run(ctx);
        assertThat(contacts.count(account, ContactFilter.of("Left behind"))).isZero();
        assertThat(contacts.countImported(ctx.jobId())).isEqualTo(1500);
    }

    @Test
    void aRetryJobRemovesTheRowsOfTheJobItRetries() throws Exception {
        String id = upload(bulk(100));
        UUID crashed = UUID.randomUUID();
        contacts.insertBatch(account, List.of(new NewContact("From the failed job", null, null)), crashed);
        FakeJobContext<ImportParams> retry = new FakeJobContext<>(
                FakeJobContext.job(UUID.randomUUID(), account, "alice", crashed, null), new ImportParams(id), 1, true);
        handler().run(retry);
        assertThat(contacts.countImported(crashed)).isZero();
        assertThat(contacts.count(account, ContactFilter.ALL)).isEqualTo(110);
    }

    @Test
    void anUploadOfAnotherUserIsNotFound() {
        String id = upload(bulk(3));
        FakeJobContext<ImportParams> ctx = new FakeJobContext<>(account, "bob", new ImportParams(id), 1, false);
        assertThatThrownBy(() -> handler().run(ctx)).isInstanceOf(PermanentFailure.class)
                .hasMessageStartingWith("The uploaded file is no longer available");
    }

    @Test
    void aFileWhereNoRowCanBeImportedFailsWithTheFirstProblemAndKeepsTheProblemRows() {
        String id = upload("name,email\n,a@x.example\n,b@x.example\n".getBytes(StandardCharsets.UTF_8));
        FakeJobContext<ImportParams> ctx = new FakeJobContext<>(account, "alice", new ImportParams(id), 1, false);
        assertThatThrownBy(() -> handler().run(ctx)).isInstanceOf(PermanentFailure.class)
                .hasMessage("None of the 2 rows can be imported (Row 2: name is missing; row skipped). "
                        + "Download the problem rows, fix the file and upload it again.");
        assertThat(ctx.items(ItemStatus.FAILED)).hasSize(2);
    }
}
