package io.github.camelmapiq.mapiq.springboot;

import io.github.camelmapiq.mapiq.MapiqComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** A Spring Boot application context with Camel's and the starter's auto-configurations, as an application has. */
final class StarterRunner {

    private StarterRunner() {
    }

    static ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(CamelAutoConfiguration.class, MapiqComponentConverter.class,
                        MapiqComponentAutoConfiguration.class))
                .withPropertyValues("camel.main.run-controller=false");
    }

    /** The {@code mapiq} component, created (and so customized) by Camel on first use. */
    static MapiqComponent mapiq(AssertableApplicationContext context) {
        return context.getBean(CamelContext.class).getComponent("mapiq", MapiqComponent.class);
    }
}
