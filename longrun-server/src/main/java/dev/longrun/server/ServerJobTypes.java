package dev.longrun.server;

import dev.longrun.ItemStatus;
import dev.longrun.JobType;
import dev.longrun.Longrun;
import dev.longrun.RetryPolicy;
import dev.longrun.TypeWords;
import dev.longrun.server.contacts.ContactRepository;
import dev.longrun.server.contacts.dedupe.ContactDedupeHandler;
import dev.longrun.server.contacts.dedupe.DedupeParams;
import dev.longrun.server.contacts.export.ContactExportHandler;
import dev.longrun.server.contacts.export.ExportParams;
import dev.longrun.server.contacts.imports.ContactImportHandler;
import dev.longrun.server.contacts.imports.ImportParams;
import dev.longrun.server.contacts.imports.ImportUploads;
import dev.longrun.server.contacts.imports.UploadIdCheck;
import dev.longrun.server.contacts.invite.ContactInviteHandler;
import dev.longrun.server.contacts.invite.InvitationSender;
import dev.longrun.server.contacts.invite.InviteParams;
import dev.longrun.server.demo.DemoWaitHandler;
import dev.longrun.server.demo.DemoWaitParams;
import dev.longrun.server.reports.ReportHandler;
import dev.longrun.server.reports.ReportParams;
import dev.longrun.spring.config.LongrunProperties;
import java.time.Duration;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The job types of the product, each with its label, the words the status screens use for it, cancel
 * behaviour, retries, time limit and typical duration in one place. The starter registers every {@link JobType} bean with the engine.
 */
@Configuration(proxyBeanMethods = false)
public class ServerJobTypes {

    /** Retries after 1 s, then 4 s: quick enough that a person sees "Retry 2 of 3" succeed. */
    private static final RetryPolicy THREE_TRIES = RetryPolicy.attempts(3);

    @Bean
    JobType<ImportParams> contactsImport(ContactRepository contacts, ImportUploads uploads, LongrunProperties longrun) {
        return JobType.builder("contacts.import", ImportParams.class, new ContactImportHandler(contacts, uploads))
                .label("Import contacts")
                .paramsCheck(new UploadIdCheck(uploads, longrun.getUploads().getTtl()))
                // Skipped rows need a fixed file, not a second try: no retry-failed params, so no "Retry the failed".
                .words(TypeWords.of("⇧", "Importing contacts", "Import complete", "import").withItems("rows", "imported", "skipped")
                        .withStartOver("Upload again"))
                .cancellable(true)
                .cancelEffect("Nothing is imported: contacts this import already added are removed. Your file stays uploaded.")
                .retryEffect("It uses the same file. Nothing from the stopped run was kept, so no contact is added twice.")
                .retryPolicy(THREE_TRIES)
                .timeout(Duration.ofMinutes(30))
                .typicalDuration(Duration.ofSeconds(2), Duration.ofMinutes(2))
                .build();
    }

    @Bean
    JobType<ExportParams> contactsExport(ContactRepository contacts) {
        return JobType.builder("contacts.export", ExportParams.class, new ContactExportHandler(contacts))
                .label("Export contacts")
                .words(TypeWords.of("⇩", "Exporting contacts", "Export complete", "export").withItems("contacts", "exported", null))
                .cancellable(true)
                .cancelEffect("The partial file will be deleted; your filters stay.")
                .retryPolicy(THREE_TRIES)
                .timeout(Duration.ofMinutes(30))
                .typicalDuration(Duration.ofSeconds(1), Duration.ofMinutes(1))
                .build();
    }

    @Bean
    JobType<InviteParams> contactsInvite(ContactRepository contacts, InvitationSender sender, ObjectProvider<Longrun> longrun,
                                         ProductProperties properties) {
        ContactInviteHandler handler = new ContactInviteHandler(contacts, sender,
                job -> ContactInviteHandler.sentKeys(longrun.getObject().items(job.id(), ItemStatus.SUCCEEDED, Integer.MAX_VALUE)),
                properties.getMail().getRetryDelay());
        return JobType.builder("contacts.invite", InviteParams.class, handler)
                .label("Invite contacts")
                .words(TypeWords.of("✉", "Sending invitations", "Invitations sent", "invitations").withItems("invitations", "sent", null))
                .cancellable(true)
                .cancelEffect("Invitations already sent stay sent; the remaining contacts are not invited.")
                .retryPolicy(THREE_TRIES)
                .timeout(Duration.ofHours(1))
                .typicalDuration(Duration.ofSeconds(2), Duration.ofMinutes(5))
                .retryFailedParams(ContactInviteHandler::failedOnly)
                .build();
    }

    @Bean
    JobType<ReportParams> reportsGenerate(ContactRepository contacts, ObjectProvider<Longrun> longrun) {
        ReportHandler handler = new ReportHandler(contacts, id -> Optional.ofNullable(longrun.getIfAvailable()).flatMap(l -> l.get(id)));
        return JobType.builder("reports.generate", ReportParams.class, handler)
                .label("Generate contacts report")
                .words(TypeWords.of("▤", "Generating report", "Report ready", "report"))
                .cancellable(true)
                .cancelEffect("No report is produced; you can generate it again at any time.")
                .retryPolicy(THREE_TRIES)
                .timeout(Duration.ofMinutes(15))
                .typicalDuration(Duration.ofSeconds(2), Duration.ofSeconds(30))
                .build();
    }

    @Bean
    JobType<DedupeParams> contactsDedupe(ContactRepository contacts) {
        return JobType.builder("contacts.dedupe", DedupeParams.class, new ContactDedupeHandler(contacts))
                .label("Find duplicate contacts")
                .words(TypeWords.of("≋", "Finding duplicate contacts", "Duplicate check complete", "duplicate check"))
                .cancellable(true)
                .cancelEffect("Nothing changes: no contact is touched and no list is produced.")
                .retryPolicy(RetryPolicy.attempts(2))
                .timeout(Duration.ofMinutes(30))
                .build();
    }

    @Bean
    JobType<DemoWaitParams> demoWait() {
        return JobType.builder("demo.wait", DemoWaitParams.class, new DemoWaitHandler())
                .label("Demo: wait")
                .words(TypeWords.of("◷", "Running the demo job", "Demo job complete", "demo job"))
                .cancellable(true)
                .cancelEffect("The demo stops; nothing else changes.")
                .retryPolicy(THREE_TRIES)
                .timeout(Duration.ofHours(2))
                .build();
    }

}
