package io.github.camelmapiq.examples.springboot;

import java.time.Duration;
import java.util.Map;

import io.github.camelmapiq.simulator.MapiqSimulator;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Profile {@code simulator}: the embedded Mapiq simulator on a free loopback port, for running the example without a
 * Mapiq subscription. Its port is {@code mapiq.simulator.port} (default 0: a free one), the lifetime of the tokens it
 * issues {@code mapiq.simulator.token-lifetime} (default {@code 1h}).
 * <p>
 * The simulator publishes where it listens as the Spring properties {@code mapiq.simulator.base-url},
 * {@code token-url}, {@code client-id} and {@code client-secret} (its demo client), which
 * {@code application-simulator.yaml} gives to the component. Spring creates this bean while it refreshes the
 * application context, before Camel starts its routes and so before the {@code mapiq} component is created and
 * configured; the bean is closed when the application stops.
 */
@Configuration(proxyBeanMethods = false)
@Profile("simulator")
public class EmbeddedSimulatorConfiguration {

    /** The name of the property source holding the simulator's addresses. */
    public static final String PROPERTY_SOURCE = "mapiqSimulator";

    @Bean(destroyMethod = "close")
    MapiqSimulator mapiqSimulator(ConfigurableEnvironment environment,
                                  @Value("${mapiq.simulator.port:0}") int port,
                                  @Value("${mapiq.simulator.token-lifetime:1h}") Duration tokenLifetime) {
        MapiqSimulator simulator = MapiqSimulator.builder().port(port).tokenLifetime(tokenLifetime).start();
        environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE, Map.of(
                "mapiq.simulator.base-url", simulator.baseUrl(),
                "mapiq.simulator.token-url", simulator.tokenUrl(),
                "mapiq.simulator.client-id", MapiqSimulator.DEMO_CLIENT_ID,
                "mapiq.simulator.client-secret", MapiqSimulator.DEMO_CLIENT_SECRET)));
        return simulator;
    }
}
