package dev.longrun.spring.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.longrun.JobHandler;
import dev.longrun.JobResult;
import dev.longrun.JobType;
import dev.longrun.TypeWords;
import dev.longrun.spring.LongrunJob;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.support.RootBeanDefinition;

/** How handler beans become job types, and the startup errors that tell a developer what to fix. */
class JobTypeBeansTest {

    record Params(String query) {
    }

    @LongrunJob(value = "invoices.export", label = "Export invoices", maxAttempts = 5, timeoutSeconds = 600,
            icon = "⇩", running = "Exporting invoices", done = "Export complete", noun = "export", items = "invoices",
            itemsDone = "exported", retryEffect = "It exports the same invoices again.")
    static final class Export implements JobHandler<Params> {
        @Override
        public JobResult run(dev.longrun.JobContext<Params> ctx) {
            return JobResult.done();
        }
    }

    static final class Unnamed implements JobHandler<Params> {
        @Override
        public JobResult run(dev.longrun.JobContext<Params> ctx) {
            return JobResult.done();
        }
    }

    @Test
    void annotatedHandlerClassBecomesATypeWithItsParamsAndPolicies() {
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        beans.registerBeanDefinition("export", new RootBeanDefinition(Export.class));
        List<JobType<?>> types = JobTypeBeans.collect(beans);
        assertThat(types).hasSize(1);
        JobType<?> t = types.get(0);
        assertThat(t.name()).isEqualTo("invoices.export");
        assertThat(t.label()).isEqualTo("Export invoices");
        assertThat(t.paramsType()).isEqualTo(Params.class);
        assertThat(t.retryPolicy().maxAttempts()).isEqualTo(5);
        assertThat(t.timeout()).hasMinutes(10);
        assertThat(t.words()).isEqualTo(new TypeWords("⇩", "Exporting invoices", "Export complete", "export", "invoices", "exported", null));
        assertThat(t.retryEffect()).isEqualTo("It exports the same invoices again.");
    }

    @Test
    void beanNameThatIsNotATypeNameFailsStartupSayingHowToNameIt() {
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        beans.registerBeanDefinition("exportHandler", new RootBeanDefinition(Unnamed.class));
        assertThatThrownBy(() -> JobTypeBeans.collect(beans)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("exportHandler").hasMessageContaining("@LongrunJob");
    }

    @Test
    void handlerWithoutReadableParamsTypeFailsStartupNamingTheBean() {
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        JobHandler<?> raw = ctx -> JobResult.done();
        beans.registerSingleton("reports.generate", raw);
        assertThatThrownBy(() -> JobTypeBeans.collect(beans)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("reports.generate").hasMessageContaining("JobHandler<MyParams>");
    }

    @Test
    void handlerInsideAJobTypeBeanIsNotRegisteredTwice() {
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        Export handler = new Export();
        beans.registerSingleton("exportType", JobType.builder("invoices.export", Params.class, handler).build());
        beans.registerSingleton("export", handler);
        assertThat(JobTypeBeans.collect(beans)).hasSize(1);
    }
}
