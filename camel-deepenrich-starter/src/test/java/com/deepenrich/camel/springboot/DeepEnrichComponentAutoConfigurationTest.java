package com.deepenrich.camel.springboot;

import com.deepenrich.camel.DeepEnrichComponent;
import com.deepenrich.camel.DeepEnrichConfiguration;
import com.deepenrich.camel.InvalidContactsPolicy;
import com.deepenrich.camel.ledger.DeepEnrichLedger;
import com.deepenrich.camel.ledger.InMemoryDeepEnrichLedger;
import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code camel.component.deepenrich.*} in Spring's environment configures the component Camel creates. */
class DeepEnrichComponentAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CamelAutoConfiguration.class,
                    DeepEnrichComponentConverter.class, DeepEnrichComponentAutoConfiguration.class));

    @Test
    void bindsEveryKindOfOption() {
        runner.withBean("sharedLedger", DeepEnrichLedger.class, InMemoryDeepEnrichLedger::new)
                .withPropertyValues(
                        "camel.component.deepenrich.api-key=the-key",
                        "camel.component.deepenrich.base-url=http://127.0.0.1:9/api/v1",
                        "camel.component.deepenrich.requests-per-minute=30",
                        "camel.component.deepenrich.await-result=true",
                        "camel.component.deepenrich.invalid-contacts=skip",
                        "camel.component.deepenrich.request-timeout=15s",
                        "camel.component.deepenrich.connect-timeout=PT2S",
                        "camel.component.deepenrich.retry-delay=250",
                        "camel.component.deepenrich.ledger=#sharedLedger")
                .run(context -> {
                    DeepEnrichConfiguration cfg = component(context.getBean(CamelContext.class)).getConfiguration();
                    assertThat(cfg.getApiKey()).isEqualTo("the-key");
                    assertThat(cfg.getBaseUrl()).isEqualTo("http://127.0.0.1:9/api/v1");
                    assertThat(cfg.getRequestsPerMinute()).isEqualTo(30);
                    assertThat(cfg.isAwaitResult()).isTrue();
                    assertThat(cfg.getInvalidContacts()).isEqualTo(InvalidContactsPolicy.skip);
                    assertThat(cfg.getRequestTimeout()).isEqualTo(15_000);
                    assertThat(cfg.getConnectTimeout()).isEqualTo(2_000);
                    assertThat(cfg.getRetryDelay()).isEqualTo(250);
                    assertThat(cfg.getLedger()).isSameAs(context.getBean("sharedLedger"));
                    assertThat(cfg.getPollFallbackAfter()).as("an option left unset keeps its default")
                            .isEqualTo(new DeepEnrichConfiguration().getPollFallbackAfter());
                });
    }

    @Test
    void camelPlaceholdersInAValueAreResolvedAsInCamelMain() {
        System.setProperty("deepenrich.test.key", "key-from-sys");
        try {
            runner.withPropertyValues("camel.component.deepenrich.api-key={{sys:deepenrich.test.key}}")
                    .run(context -> assertThat(component(context.getBean(CamelContext.class)).getConfiguration()
                            .getApiKey()).isEqualTo("key-from-sys"));
        } finally {
            System.clearProperty("deepenrich.test.key");
        }
    }

    @Test
    void disabledLeavesTheComponentAlone() {
        runner.withPropertyValues("camel.component.deepenrich.enabled=false",
                "camel.component.deepenrich.api-key=the-key")
                .run(context -> assertThat(component(context.getBean(CamelContext.class)).getConfiguration()
                        .getApiKey()).isNull());
    }

    @Test
    void aBeanOptionWithoutHashNamesTheProperty() {
        runner.withPropertyValues("camel.component.deepenrich.ledger=sharedLedger")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasStackTraceContaining("camel.component.deepenrich.ledger")
                        .hasStackTraceContaining("write #name"));
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({"requests-per-minute,ten", "max-retries,five", "request-timeout,soon", "invalid-contacts,drop"})
    void anUnreadableValueFailsTheStartNamingThePropertyAndTheValue(String property, String value) {
        runner.withPropertyValues("camel.component.deepenrich." + property + "=" + value)
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasStackTraceContaining("camel.component.deepenrich." + property)
                        .hasStackTraceContaining(value));
    }

    @Test
    void aMisspeltPropertyFailsTheStartNamingThePropertyMeant() {
        runner.withPropertyValues("camel.component.deepenrich.requests-per-minut=30").run(context -> {
            assertThat(context).hasFailed();
            FailureAnalysis analysis = new MisspeltPropertyFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis.getDescription()).isEqualTo("camel.component.deepenrich.requests-per-minut is no "
                                                            + "option of the deepenrich component: did you mean "
                                                            + "camel.component.deepenrich.requests-per-minute?");
        });
    }

    private static DeepEnrichComponent component(CamelContext camel) {
        return camel.getComponent("deepenrich", DeepEnrichComponent.class);
    }
}
