package io.github.camelmapiq.mapiq;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelmapiq.mapiq.client.model.MapiqJson;
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
 * The same endpoint, {@code mapiq:raw?method=GET&path=/v2/users} with its connection and credentials given by property
 * placeholders (the secret by {@code {{env:MAPIQ_CLIENT_SECRET}}}), answers Mapiq's users from a Java route, a YAML
 * route file and an XML route file.
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

    private List<String> usersAnsweredBy(String directUri) throws Exception {
        context.start();
        String answer = context.createProducerTemplate().requestBody(directUri, null, String.class);
        List<String> ids = new ArrayList<>();
        for (JsonNode user : MapiqJson.mapper().readTree(answer).get("items")) {
            ids.add(user.get("id").asText());
        }
        return ids;
    }

    private List<String> simulatorUserIds() {
        return extension.control().list("users").stream().map(u -> (String) u.get("id")).toList();
    }

    private void loadRouteFile(String location) throws Exception {
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.resolveMandatoryResource(context, location));
    }

    @Test
    void javaRoute() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:java-users")
                        .to("mapiq:raw?method=GET&path=/v2/users&baseUrl={{sim.baseUrl}}&tokenUrl={{sim.tokenUrl}}"
                            + "&clientId={{mapiq.clientId}}&clientSecret={{env:MAPIQ_CLIENT_SECRET}}&connectTimeout=5s");
            }
        });

        assertThat(usersAnsweredBy("direct:java-users")).containsExactlyElementsOf(simulatorUserIds());
    }

    @Test
    void yamlRouteFile() throws Exception {
        loadRouteFile("classpath:routes/mapiq-users.yaml");

        assertThat(usersAnsweredBy("direct:yaml-users")).containsExactlyElementsOf(simulatorUserIds());
    }

    @Test
    void xmlRouteFile() throws Exception {
        loadRouteFile("classpath:routes/mapiq-users.xml");

        assertThat(usersAnsweredBy("direct:xml-users")).containsExactlyElementsOf(simulatorUserIds());
    }
}
