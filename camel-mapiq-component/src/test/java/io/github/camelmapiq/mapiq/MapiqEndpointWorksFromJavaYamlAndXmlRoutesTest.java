package io.github.camelmapiq.mapiq;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.github.camelmapiq.simulator.MapiqSimulator;
import io.github.camelmapiq.simulator.MapiqSimulatorExtension;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same {@code mapiq:users} endpoint, configured with property placeholders (including
 * {@code {{env:MAPIQ_CLIENT_SECRET}}}), resolves and reads users from a Java route, a YAML route file and an XML route
 * file.
 * <p>
 * The routes send to the endpoint; as producers are another work item, the test proves the endpoint, its options and
 * credentials by listing through the resolved endpoint's client.
 */
class MapiqEndpointWorksFromJavaYamlAndXmlRoutesTest {

    @RegisterExtension
    static MapiqSimulatorExtension extension = MapiqSimulatorExtension.builder().users(20).rateLimitPerSecond(0).build();

    private DefaultCamelContext context;

    @BeforeEach
    void setUp() {
        MapiqSimulator sim = extension.simulator();
        context = new DefaultCamelContext();
        Properties props = new Properties();
        props.setProperty("sim.baseUrl", sim.baseUrl());
        props.setProperty("sim.tokenUrl", sim.tokenUrl());
        props.setProperty("mapiq.clientId", MapiqSimulator.DEMO_CLIENT_ID);
        context.getPropertiesComponent().setInitialProperties(props);
    }

    @AfterEach
    void tearDown() {
        context.stop();
    }

    private MapiqEndpoint startedEndpointOf(String routeId) {
        context.start();
        assertThat(context.getRoute(routeId)).as("route " + routeId).isNotNull();
        return context.getEndpoints().stream().filter(MapiqEndpoint.class::isInstance).map(MapiqEndpoint.class::cast)
                .findFirst().orElseThrow(() -> new AssertionError("no mapiq endpoint in route " + routeId));
    }

    private List<String> listUsers(MapiqEndpoint endpoint) throws Exception {
        List<String> ids = new ArrayList<>();
        endpoint.getClient().list(endpoint.getConfiguration().resolvePath(endpoint.getResource()), Map.of(),
                endpoint.getConfiguration().getPageSize(), r -> ids.add(r.get("id").asText()));
        return ids;
    }

    private List<String> simulatorUserIds() {
        return extension.control().list("users").stream().map(u -> (String) u.get("id")).toList();
    }

    @Test
    void javaRoute() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:java-users").routeId("java-users")
                        .to("mapiq:users?baseUrl={{sim.baseUrl}}&tokenUrl={{sim.tokenUrl}}&clientId={{mapiq.clientId}}"
                            + "&clientSecret={{env:MAPIQ_CLIENT_SECRET}}&pageSize=5");
            }
        });
        MapiqEndpoint endpoint = startedEndpointOf("java-users");

        assertThat(endpoint.getConfiguration().getPageSize()).isEqualTo(5);
        assertThat(listUsers(endpoint)).containsExactlyElementsOf(simulatorUserIds());
    }

    @Test
    void yamlRouteFile() throws Exception {
        PluginHelper.getRoutesLoader(context)
                .loadRoutes(ResourceHelper.resolveMandatoryResource(context, "classpath:routes/mapiq-users.yaml"));
        MapiqEndpoint endpoint = startedEndpointOf("yaml-users");

        assertThat(endpoint.getConfiguration().getPageSize()).isEqualTo(7);
        assertThat(listUsers(endpoint)).containsExactlyElementsOf(simulatorUserIds());
    }

    @Test
    void xmlRouteFile() throws Exception {
        PluginHelper.getRoutesLoader(context)
                .loadRoutes(ResourceHelper.resolveMandatoryResource(context, "classpath:routes/mapiq-users.xml"));
        MapiqEndpoint endpoint = startedEndpointOf("xml-users");

        assertThat(endpoint.getConfiguration().getPageSize()).isEqualTo(9);
        assertThat(listUsers(endpoint)).containsExactlyElementsOf(simulatorUserIds());
    }
}
