package io.github.camelmapiq.mapiq.springboot;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;

import io.github.camelmapiq.mapiq.MapiqComponent;
import io.github.camelmapiq.mapiq.MapiqConfiguration;
import io.github.camelmapiq.mapiq.MapiqOutputFormat;
import io.github.camelmapiq.simulator.MapiqSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code camel.component.mapiq.*} in an application's properties configures the {@code mapiq} component, as
 * camel-spring-boot's own starters configure theirs: relaxed names, Spring durations and placeholders, bean
 * references; the application's customizers run after the properties; a misspelt property stops the start with its
 * name and never its value; and the component so configured calls the simulator over HTTP.
 */
class SpringPropertiesConfigureTheMapiqComponentTest {

    static MapiqSimulator simulator;

    @BeforeAll
    static void start() {
        simulator = MapiqSimulator.builder().start();
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @Test
    void theComponentConfiguredByPropertiesAloneListsTheSimulatorsUsers() {
        StarterRunner.runner()
                .withPropertyValues("camel.component.mapiq.base-url=" + simulator.baseUrl(),
                        "camel.component.mapiq.token-url=" + simulator.tokenUrl(),
                        "camel.component.mapiq.client-id=" + MapiqSimulator.DEMO_CLIENT_ID,
                        "camel.component.mapiq.client-secret=${APP_SECRET}",
                        "APP_SECRET=" + MapiqSimulator.DEMO_CLIENT_SECRET,
                        "camel.component.mapiq.page-size=7")
                .run(context -> {
                    List<?> users = context.getBean(CamelContext.class).createProducerTemplate()
                            .requestBody("mapiq:users?operation=list", null, List.class);

                    assertThat(users).hasSize(simulator.control().list("users").size());
                    assertThat(simulator.control().tokenRequests()).isEqualTo(1);
                    // page-size 7: the listing took one call per page of seven
                    assertThat(simulator.control().calls("GET", "/v2/users"))
                            .isEqualTo((users.size() + 6) / 7);
                });
    }

    @Test
    void kebabCamelCaseAndEnvironmentVariableNamesDurationsAndEnumsAreBound() {
        StarterRunner.runner()
                .withInitializer(context -> context.getEnvironment().getPropertySources().addFirst(
                        new SystemEnvironmentPropertySource("test-" + "systemEnvironment",
                                Map.of("CAMEL_COMPONENT_MAPIQ_MAXRETRIES", "9"))))
                .withPropertyValues("camel.component.mapiq.base-url=http://127.0.0.1:1",
                        "camel.component.mapiq.clientId=my-client",
                        "camel.component.mapiq.read-timeout=20s",
                        "camel.component.mapiq.connectTimeout=2500",
                        "camel.component.mapiq.output-format=JSON")
                .run(context -> {
                    MapiqConfiguration configuration = StarterRunner.mapiq(context).getConfiguration();

                    assertThat(configuration.getBaseUrl()).isEqualTo("http://127.0.0.1:1");
                    assertThat(configuration.getClientId()).isEqualTo("my-client");
                    assertThat(configuration.getReadTimeout()).isEqualTo(20_000L);
                    assertThat(configuration.getConnectTimeout()).as("plain number: milliseconds").isEqualTo(2_500L);
                    assertThat(configuration.getOutputFormat()).isEqualTo(MapiqOutputFormat.json);
                    assertThat(configuration.getMaxRetries()).isEqualTo(9);
                    assertThat(configuration.getPageSize()).as("not set: the component's default").isEqualTo(100);
                });
    }

    @Test
    void beanReferencesGiveTheComponentTheApplicationsBeans() {
        MemoryStateRepository state = new MemoryStateRepository();
        MapiqConfiguration shared = new MapiqConfiguration();
        shared.setPageSize(250);
        StarterRunner.runner()
                .withBean("mapiqState", MemoryStateRepository.class, () -> state)
                .withBean("sharedMapiqConfiguration", MapiqConfiguration.class, () -> shared)
                .withPropertyValues("camel.component.mapiq.state-repository=#bean:mapiqState",
                        "camel.component.mapiq.configuration=#sharedMapiqConfiguration",
                        "camel.component.mapiq.read-timeout=20s")
                .run(context -> {
                    MapiqConfiguration configuration = StarterRunner.mapiq(context).getConfiguration();

                    assertThat(configuration.getStateRepository()).isSameAs(state);
                    assertThat(configuration.getPageSize()).as("from the configuration bean").isEqualTo(250);
                    assertThat(configuration.getReadTimeout()).as("a property refines it").isEqualTo(20_000L);
                });
    }

    @Test
    void theApplicationsCustomizersRunAfterTheProperties() {
        StarterRunner.runner()
                .withBean("pageSizePlusOne", ComponentCustomizer.class, () -> ComponentCustomizer.forType(
                        MapiqComponent.class,
                        c -> c.getConfiguration().setPageSize(c.getConfiguration().getPageSize() + 1)))
                .withPropertyValues("camel.component.mapiq.page-size=250")
                .run(context -> assertThat(StarterRunner.mapiq(context).getConfiguration().getPageSize())
                        .isEqualTo(251));
    }

    @Test
    void theStarterIsSwitchedOffAsCamelStartersAre() {
        StarterRunner.runner()
                .withPropertyValues("camel.component.mapiq.enabled=false", "camel.component.mapiq.page-size=250")
                .run(context -> {
                    assertThat(context).doesNotHaveBean(MapiqComponentAutoConfiguration.class);
                    assertThat(StarterRunner.mapiq(context).getConfiguration().getPageSize()).isEqualTo(100);
                });
        StarterRunner.runner()
                .withPropertyValues("camel.component.mapiq.customizer.enabled=false",
                        "camel.component.mapiq.page-size=250")
                .run(context -> assertThat(StarterRunner.mapiq(context).getConfiguration().getPageSize())
                        .isEqualTo(100));
    }

    @Test
    void aPropertyTheComponentDoesNotHaveStopsWithItsNameButNotItsValue() {
        StarterRunner.runner()
                .withPropertyValues("camel.component.mapiq.client-secrt=s3cr3t-value")
                .run(context -> {
                    Throwable failure = catchFailure(() -> StarterRunner.mapiq(context));

                    assertThat(failure).rootCause().hasMessage(
                            "The mapiq component has no option camel.component.mapiq.client-secrt (see its documentation)");
                    assertThat(stackTraceOf(failure)).doesNotContain("s3cr3t-value");
                });
    }

    @Test
    void aValueOfTheWrongTypeStopsTheStartWithThePropertyName() {
        StarterRunner.runner()
                .withPropertyValues("camel.component.mapiq.page-size=lots")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasStackTraceContaining("camel.component.mapiq.page-size"));
    }

    private static Throwable catchFailure(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            return e;
        }
        throw new AssertionError("expected a failure");
    }

    private static String stackTraceOf(Throwable e) {
        StringWriter out = new StringWriter();
        e.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
