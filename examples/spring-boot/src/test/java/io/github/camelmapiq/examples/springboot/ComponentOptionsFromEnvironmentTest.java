package io.github.camelmapiq.examples.springboot;

import io.github.camelmapiq.mapiq.MapiqComponent;
import io.github.camelmapiq.mapiq.MapiqConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code camel.component.mapiq.*} Spring properties reach the component Camel creates, through the customizer as the
 * application registers it; mistakes stop the start with the property's name and never its value.
 */
class ComponentOptionsFromEnvironmentTest {

    private final MockEnvironment environment = new MockEnvironment();
    private final CamelContext context = new DefaultCamelContext();

    @AfterEach
    void stop() {
        context.stop();
    }

    @Test
    void kebabAndCamelCaseNamesDurationsAndPlaceholdersReachTheComponent() {
        environment.withProperty("camel.component.mapiq.base-url", "http://127.0.0.1:1")
                .withProperty("camel.component.mapiq.clientId", "${APP_CLIENT}")
                .withProperty("APP_CLIENT", "my-client")
                .withProperty("camel.component.mapiq.read-timeout", "20s")
                .withProperty("camel.component.mapiq.page-size", "250")
                .withProperty("camel.component.mapiq-eu.page-size", "7");

        MapiqConfiguration configuration = mapiqComponent().getConfiguration();

        assertThat(configuration.getBaseUrl()).isEqualTo("http://127.0.0.1:1");
        assertThat(configuration.getClientId()).isEqualTo("my-client");
        assertThat(configuration.getReadTimeout()).isEqualTo(20_000L);
        assertThat(configuration.getPageSize()).as("not mapiq-eu's").isEqualTo(250);
    }

    @Test
    void anOptionTheComponentDoesNotHaveStopsWithItsPropertyNameButNotItsValue() {
        environment.withProperty("camel.component.mapiq.client-secrt", "s3cr3t-value");

        assertThatThrownBy(this::mapiqComponent)
                .rootCause()
                .hasMessage("The mapiq component has no option camel.component.mapiq.client-secrt (see its "
                            + "documentation)")
                .hasStackTraceContaining("client-secrt")
                .satisfies(e -> assertThat(stackTraceOf(e)).doesNotContain("s3cr3t-value"));
    }

    @Test
    void aValueOfTheWrongTypeStopsWithThePropertyName() {
        environment.withProperty("camel.component.mapiq.page-size", "lots");

        assertThatThrownBy(this::mapiqComponent)
                .rootCause()
                .hasMessage("Invalid value of camel.component.mapiq.page-size: cannot convert it to int");
    }

    @Test
    void anUnsetEnvironmentVariableStopsWithItsName() {
        environment.withProperty("camel.component.mapiq.client-secret", "${MAPIQ_TEST_UNSET_SECRET}");

        assertThatThrownBy(this::mapiqComponent)
                .rootCause()
                .hasMessageStartingWith("Cannot read the camel.component.mapiq.* properties: ")
                .hasMessageContaining("MAPIQ_TEST_UNSET_SECRET");
    }

    /** The {@code mapiq} component as Camel creates it on first use, with the application's customizer bound. */
    private MapiqComponent mapiqComponent() {
        context.getRegistry().bind("mapiqComponentOptions",
                new MapiqSpringBootApplication().mapiqComponentOptions(environment));
        context.start();
        return context.getComponent("mapiq", MapiqComponent.class);
    }

    private static String stackTraceOf(Throwable e) {
        java.io.StringWriter out = new java.io.StringWriter();
        e.printStackTrace(new java.io.PrintWriter(out));
        return out.toString();
    }
}
