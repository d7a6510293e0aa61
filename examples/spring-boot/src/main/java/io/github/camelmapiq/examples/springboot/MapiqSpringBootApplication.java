package io.github.camelmapiq.examples.springboot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Camel on Spring Boot reading Mapiq: the Java route {@link OfficeWeekRoute}, the YAML routes of
 * {@code src/main/resources/camel/}, the {@code mapiq} component configured in {@code application.yaml} (through
 * {@code camel-mapiq-starter}), and with the {@code simulator} profile the embedded Mapiq simulator
 * ({@link EmbeddedSimulatorConfiguration}).
 */
@SpringBootApplication
public class MapiqSpringBootApplication {

    public static void main(String[] args) {
        SpringApplication.run(MapiqSpringBootApplication.class, args);
    }
}
