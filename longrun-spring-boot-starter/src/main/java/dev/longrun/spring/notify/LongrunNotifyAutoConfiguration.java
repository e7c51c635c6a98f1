package dev.longrun.spring.notify;

import dev.longrun.JobType;
import dev.longrun.Longrun;
import dev.longrun.notify.DispatchSettings;
import dev.longrun.notify.Dispatcher;
import dev.longrun.notify.NotificationStore;
import dev.longrun.notify.NotificationText;
import dev.longrun.notify.Notifications;
import dev.longrun.notify.PreferenceStore;
import dev.longrun.notify.WebhookChannel;
import dev.longrun.notify.WebhookStore;
import dev.longrun.spring.config.LongrunEngineAutoConfiguration;
import dev.longrun.spring.config.LongrunProperties;
import dev.longrun.spring.config.LongrunWebAutoConfiguration;
import dev.longrun.spring.sse.SseHub;
import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * Completion notifications: the store on Longrun's DataSource, the email channel (SMTP when {@code spring.mail.host}
 * is set, else the local outbox), the webhook channel, the dispatcher started with the engine and stopped before it,
 * the inbox/preferences/webhooks API, and the {@code notification} frames on {@code /api/events}.
 */
@AutoConfiguration(after = {LongrunEngineAutoConfiguration.class, LongrunWebAutoConfiguration.class},
        afterName = "org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration")
@EnableConfigurationProperties(NotifyProperties.class)
public class LongrunNotifyAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(LongrunNotifyAutoConfiguration.class);

    /** Takes the engine as a parameter so the tables exist (the engine migrates them at start). */
    @Bean
    public NotificationStore longrunNotificationStore(DataSource dataSource, LongrunProperties p, Longrun longrun) {
        return NotificationStore.open(dataSource, p.getSchema());
    }

    @Bean
    public PreferenceStore longrunNotificationPreferences(NotificationStore store) {
        return store.preferences();
    }

    @Bean
    public WebhookStore longrunWebhooks(NotificationStore store) {
        return store.webhooks();
    }

    @Bean
    public NotificationText longrunNotificationText(Longrun longrun, LongrunProperties p) {
        return new NotificationText(type -> longrun.jobType(type).map(JobType::label).orElse(type), p.getResults().getLinkTtl());
    }

    @Bean
    @ConditionalOnMissingBean
    public NotificationRecipients longrunNotificationRecipients() {
        return NotificationRecipients.userIdsAreEmails();
    }

    @Bean
    public EmailChannel longrunEmailChannel(ObjectProvider<JavaMailSender> mail, NotificationStore store, NotificationRecipients recipients,
                                            NotifyProperties properties, @Qualifier("longrunClock") Clock clock) {
        EmailChannel channel = new EmailChannel(mail.getIfAvailable(), store, recipients, properties, clock);
        log.info("Notification email goes {}", channel.usesSmtp() ? "out over SMTP" : "to the local outbox (spring.mail.host is not set)");
        return channel;
    }

    @Bean
    public WebhookChannel longrunWebhookChannel(WebhookStore webhooks, NotifyProperties properties, @Qualifier("longrunClock") Clock clock) {
        NotifyProperties.Webhooks w = properties.getWebhooks();
        return new WebhookChannel(webhooks, clock, new WebhookChannel.Settings(w.getTimeout(), w.getFailureLimit(),
                dev.longrun.notify.WebhookAddresses.of(w.isAllowPrivate(), w.isAllowLoopback()),
                properties.getBaseUrl()));
    }

    @Bean(destroyMethod = "close")
    public Dispatcher longrunNotificationDispatcher(Longrun longrun, DataSource dataSource, LongrunProperties p, NotifyProperties n,
                                                    EmailChannel email, WebhookChannel webhooks) {
        String node = longrun.nodeName();
        DispatchSettings settings = DispatchSettings.defaults().withEmailAfter(n.getEmailAfter())
                .withRetry(n.getRetryBase(), n.getRetryMax(), n.getMaxAttempts()).withPollInterval(n.getPollInterval());
        return Notifications.start(longrun, dataSource, p.getSchema(), node, List.of(email, webhooks), settings, p.getResults().getLinkTtl());
    }

    @Bean
    public NotificationViews longrunNotificationViews(Longrun longrun, NotificationStore store, NotificationText text,
                                                      ObjectProvider<SseHub> hub) {
        NotificationViews views = new NotificationViews(longrun, store, text);
        hub.ifAvailable(h -> h.companionFrames(views::framesAfter));
        return views;
    }

    /** The HTTP API, next to the starter's other controllers. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @Import({NotificationsController.class, PreferencesController.class, WebhooksController.class})
    static class Api {
    }
}
