package dev.longrun.spring.config;

import dev.longrun.Longrun;
import dev.longrun.history.JobHistory;
import dev.longrun.spring.api.ApiPaths;
import dev.longrun.spring.api.JobAccess;
import dev.longrun.spring.api.JobActionsController;
import dev.longrun.spring.api.JobDetailsController;
import dev.longrun.spring.api.JobTypesController;
import dev.longrun.spring.api.JobViews;
import dev.longrun.spring.api.JobsController;
import dev.longrun.spring.api.OneWriteJsonFilter;
import dev.longrun.spring.api.OpenApiAliasController;
import dev.longrun.spring.files.FilesController;
import dev.longrun.spring.files.ResultsZipController;
import dev.longrun.spring.files.ResultLinks;
import dev.longrun.spring.files.ResultPreviewController;
import dev.longrun.spring.problem.ProblemAdvice;
import dev.longrun.spring.security.ApiKeys;
import dev.longrun.spring.security.LongrunTokens;
import dev.longrun.spring.security.LongrunUsers;
import dev.longrun.spring.security.Secrets;
import dev.longrun.spring.security.SessionController;
import dev.longrun.spring.security.TokenController;
import dev.longrun.spring.sse.EventsController;
import dev.longrun.spring.sse.SseHub;
import dev.longrun.spring.sse.StreamsShutdown;
import dev.longrun.spring.upload.UploadCleanup;
import dev.longrun.spring.upload.UploadController;
import dev.longrun.spring.upload.UploadStore;
import dev.longrun.spring.web.ComponentsFolder;
import dev.longrun.spring.problem.ProblemErrorHandler;
import dev.longrun.spring.problem.ProblemErrorReportValve;
import java.time.Clock;
import org.apache.catalina.core.StandardHost;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.jetty.servlet.JettyServletWebServerFactory;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;
import org.springframework.context.annotation.Configuration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import tools.jackson.databind.json.JsonMapper;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

/**
 * The HTTP side: controllers of the API, event streams, uploads, result links and tokens, and the beans a host
 * application may use directly ({@link LongrunTokens} to mint browser tokens, {@link UploadStore} to read uploads).
 */
@AutoConfiguration(after = LongrunEngineAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Import({JobsController.class, JobActionsController.class, JobDetailsController.class, ResultPreviewController.class, JobTypesController.class,
        OpenApiAliasController.class, ComponentsFolder.class, FilesController.class, ResultsZipController.class, EventsController.class, UploadController.class,
        SessionController.class, TokenController.class, ProblemAdvice.class, LongrunSecurityConfiguration.class,
        LongrunHttpHardening.class, LongrunActuatorSecurity.class, SecurityObservationsOff.class})
public class LongrunWebAutoConfiguration {

    @Bean
    public Secrets longrunSecrets(LongrunProperties p) {
        return new Secrets(p.getTokens().getSecret(), p.getDataDir());
    }

    @Bean
    @ConditionalOnMissingBean
    public LongrunTokens longrunTokens(Secrets secrets, @Qualifier("longrunClock") Clock clock, LongrunProperties p) {
        return new LongrunTokens(secrets.tokenKey(), clock, p.getTokens().getTtl());
    }

    @Bean
    public ApiKeys longrunApiKeys(LongrunProperties p) {
        return new ApiKeys(p.getApiKeys());
    }

    @Bean
    public LongrunUsers longrunUsers(LongrunProperties p) {
        return new LongrunUsers(p.getUsers());
    }

    @Bean
    public ResultLinks longrunResultLinks(Secrets secrets, @Qualifier("longrunClock") Clock clock, LongrunProperties p, Environment env,
                                          ApiPaths paths) {
        return new ResultLinks(secrets.linkKey(), clock, p.getResults().getLinkTtl(),
                env.getProperty("server.servlet.context-path", "") + paths.base());
    }

    @Bean
    static org.springframework.beans.factory.SmartInitializingSingleton longrunNoCallersWarning(LongrunProperties p) {
        return new NoCallersWarning(p);
    }

    @Bean
    public ApiPaths longrunApiPaths(LongrunProperties p) {
        return new ApiPaths(p.getHttp().getBasePath(), p.getHttp().getHostPaths());
    }

    /** JSON answers in one write with their length (see {@link OneWriteJsonFilter}); before Spring Security's filter (order -100). */
    @Bean
    FilterRegistrationBean<OneWriteJsonFilter> longrunOneWriteJsonFilter(ApiPaths paths) {
        FilterRegistrationBean<OneWriteJsonFilter> r = new FilterRegistrationBean<>(new OneWriteJsonFilter(paths::isLongrun));
        r.setOrder(Ordered.HIGHEST_PRECEDENCE + 40);
        return r;
    }

    @Bean
    public JobViews longrunJobViews(Longrun longrun, ResultLinks links, JobHistory history) {
        return new JobViews(longrun, links, history);
    }

    /** Takes the engine as a parameter so the tables exist (the engine migrates them at start). */
    @Bean
    public JobHistory longrunJobHistory(DataSource dataSource, LongrunProperties p, Longrun longrun) {
        return JobHistory.open(dataSource, p.getSchema());
    }

    @Bean
    public JobAccess longrunJobAccess(Longrun longrun) {
        return new JobAccess(longrun);
    }

    @Bean
    public SseHub longrunSseHub(Longrun longrun, JobViews views, ObjectProvider<JsonMapper> json, LongrunProperties p) {
        // The same mapper as the HTTP API, so stream frames and REST bodies are written alike.
        return new SseHub(longrun, views, json.getIfAvailable(() -> JsonMapper.builder().build()), p.getSse().getHeartbeat(),
                p.getSse().getBufferSize());
    }

    @Bean
    public StreamsShutdown longrunStreamsShutdown(SseHub hub) {
        return new StreamsShutdown(hub);
    }

    @Bean
    @ConditionalOnMissingBean
    public UploadStore longrunUploadStore(LongrunProperties p, @Qualifier("longrunClock") Clock clock) {
        return new UploadStore(p.getDataDir().resolve("uploads"), clock, p.getUploads().getTtl(), p.getUploads().getMaxSize().toBytes());
    }

    @Bean
    public UploadCleanup longrunUploadCleanup(UploadStore uploads) {
        return new UploadCleanup(uploads, java.time.Duration.ofMinutes(10));
    }

    /**
     * Longrun's OpenAPI description is its own springdoc group ({@code /v3/api-docs/longrun}, also at
     * {@code <base-path>/openapi.json}): only the starter's endpoints, with the JSON fields named as they are sent
     * (snake_case). The host's documents are left as they are.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springdoc.core.models.GroupedOpenApi")
    static class OpenApiGroup {
        @Bean
        org.springdoc.core.models.GroupedOpenApi longrunOpenApi(Longrun longrun, ApiPaths paths, Environment env) {
            return org.springdoc.core.models.GroupedOpenApi.builder().group("longrun").displayName("Longrun")
                    .packagesToScan(ApiPaths.PACKAGES.toArray(String[]::new)).addOpenApiCustomizer(snakeCaseSchemas())
                    .addOpenApiCustomizer(new dev.longrun.spring.openapi.LongrunOpenApi(longrun, paths,
                            env.getProperty("server.servlet.context-path", ""))).build();
        }

        private static dev.longrun.spring.openapi.SnakeCaseSchemas snakeCaseSchemas() {
            return new dev.longrun.spring.openapi.SnakeCaseSchemas(java.util.Set.of("JobView", "EtaView", "ResultView", "ErrorView",
                    "SummaryView", "ActionView", "JobListView", "CancelAllView", "ClearFinishedView", "LogView", "ItemView",
                    "ResultLinkView", "JobTypesView", "JobTypeView", "TypicalDuration", "UploadView", "SessionView", "TokenView",
                    "TokenRequest", "LogsView", "ItemsView", "SignIn", "JobCountsView", "WordsView"));
        }
    }

    /** Requests Tomcat itself refuses under the API's base path are answered with problems, not Tomcat's HTML page. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.apache.catalina.startup.Tomcat")
    static class TomcatProblems {
        @Bean
        WebServerFactoryCustomizer<TomcatServletWebServerFactory> longrunTomcatProblems(Environment env) {
            return factory -> factory.addContextCustomizers(context -> {
                if (context.getParent() instanceof StandardHost host) {
                    // The host starts the valve class it names unless an instance of it is already in its pipeline.
                    host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                    host.getPipeline().addValve(new ProblemErrorReportValve(LongrunHttpHardening.apiPrefix(env)));
                }
            });
        }
    }

    /** The same for requests Jetty itself refuses: problems under the API's base path, a plain page elsewhere. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = {"org.eclipse.jetty.server.Server", "org.springframework.boot.jetty.servlet.JettyServletWebServerFactory"})
    static class JettyProblems {
        @Bean
        WebServerFactoryCustomizer<JettyServletWebServerFactory> longrunJettyProblems(Environment env) {
            return factory -> factory.addServerCustomizers(server -> server.setErrorHandler(new ProblemErrorHandler(LongrunHttpHardening.apiPrefix(env))));
        }

        /**
         * Jetty commits an answer only once its output buffer is full, as Tomcat does. Spring Security adds its headers
         * ({@code X-Content-Type-Options}, {@code X-Frame-Options}, {@code Cache-Control}, a dashboard's policy) when
         * it sees the answer commit, which it judges by the buffer's size; Jetty's default commits on the first write of
         * more than a quarter of it (8 KiB), so a result file, zip or script streamed in 16 KiB writes left without them.
         */
        @Bean
        WebServerFactoryCustomizer<JettyServletWebServerFactory> longrunJettyCommitsWhenFull() {
            return factory -> factory.addServerCustomizers(server -> {
                for (org.eclipse.jetty.server.Connector connector : server.getConnectors()) {
                    for (org.eclipse.jetty.server.ConnectionFactory f : connector.getConnectionFactories()) {
                        if (f instanceof org.eclipse.jetty.server.HttpConfiguration.ConnectionFactory http) {
                            org.eclipse.jetty.server.HttpConfiguration config = http.getHttpConfiguration();
                            config.setOutputAggregationSize(config.getOutputBufferSize());
                        }
                    }
                }
            });
        }
    }
}
