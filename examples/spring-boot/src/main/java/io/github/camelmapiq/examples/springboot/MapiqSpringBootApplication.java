package io.github.camelmapiq.examples.springboot;

import io.github.camelmapiq.mapiq.MapiqConstants;
import org.apache.camel.spi.ComponentCustomizer;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Camel on Spring Boot reading Mapiq: the Java route {@link OfficeWeekRoute}, the YAML routes of
 * {@code src/main/resources/camel/}, the {@code mapiq} component configured in {@code application.yaml}, and with the
 * {@code simulator} profile the embedded Mapiq simulator ({@link EmbeddedSimulatorConfiguration}).
 */
@SpringBootApplication
public class MapiqSpringBootApplication {

    public static void main(String[] args) {
        SpringApplication.run(MapiqSpringBootApplication.class, args);
    }

    /**
     * Applies {@code camel.component.mapiq.*} of {@code application.yaml} to the {@code mapiq} component.
     * camel-spring-boot binds {@code camel.component.<name>.*} only for components that have a starter (each
     * starter carries a generated customizer like this one); camel-mapiq has none, so without this bean those
     * properties would be ignored.
     */
    @Bean
    ComponentCustomizer mapiqComponentOptions(Environment environment) {
        return new ComponentOptionsFromEnvironment(environment, MapiqConstants.SCHEME);
    }
}
