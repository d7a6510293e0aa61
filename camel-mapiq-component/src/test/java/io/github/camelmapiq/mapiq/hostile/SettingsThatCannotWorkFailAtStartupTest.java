package io.github.camelmapiq.mapiq.hostile;

import java.net.InetAddress;
import java.util.Arrays;

import io.github.camelmapiq.mapiq.CapturedLogs;
import io.github.camelmapiq.mapiq.MapiqComponent;
import io.github.camelmapiq.mapiq.MapiqEndpoint;
import io.github.camelmapiq.mapiq.MapiqTestSupport;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Settings that cannot work stop the route at startup with a message naming the option: timeouts of 0 or below (a
 * zero timeout is none), a negative refresh margin, a {@code delay} that would poll in a busy loop, page sizes out of
 * range, negative sizes, and URLs that carry user information. URLs are shown without their query wherever an
 * operator looks; a refresh margin as long as the token's life warns once at the first token.
 */
class SettingsThatCannotWorkFailAtStartupTest {

    private HostileServer mapiq;

    @BeforeEach
    void start() throws Exception {
        mapiq = new HostileServer().withToken("good-token-c2d8")
                .on("/v2/users", ex -> HostileServer.text(ex, 200, "application/json", "{\"items\":[]}"));
    }

    @AfterEach
    void stop() {
        mapiq.close();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "connectTimeout=0        | Invalid connectTimeout 0: must be more than 0",
            "readTimeout=-1          | Invalid readTimeout -1: must be more than 0",
            "callTimeout=0           | Invalid callTimeout 0: must be more than 0",
            "tokenRefreshMargin=-5   | Invalid tokenRefreshMargin -5: must be 0 or more",
            "maxRetries=-1           | Invalid maxRetries -1: must be 0 or more",
            "pageSize=0              | pageSize must be between 1 and 1000, was 0",
            "pageSize=5000           | pageSize must be between 1 and 1000, was 5000",
            "maxResponseSize=-1      | Invalid maxResponseSize -1: must be 1 or more",
            "maxRecordSize=0         | Invalid maxRecordSize 0: must be 1 or more"})
    void aSettingThatCannotWorkNamesItsOption(String option, String message) throws Exception {
        assertThat(startFailure("direct:start", "mapiq:users?operation=list&" + option)).contains(message);
    }

    @Test
    void aConsumerDelayOfZeroWouldPollInABusyLoop() throws Exception {
        assertThat(startFailure("mapiq:users?delay=0", "log:x")).contains("Invalid delay 0", "busy loop");
    }

    @Test
    void urlsWithUserInformationAreRefusedNamingTheOption() throws Exception {
        String withUser = mapiq.base().replace("http://", "http://admin:hunter2@");
        assertThat(startFailure("direct:start", "mapiq:users?operation=list&baseUrl=" + withUser))
                .contains("Mapiq option baseUrl must not carry user information").doesNotContain("hunter2");
        assertThat(startFailure("direct:start", "mapiq:users?operation=list&tokenUrl=" + withUser + "/token"))
                .contains("Mapiq option tokenUrl must not carry user information").doesNotContain("hunter2");
    }

    @Test
    void aLocalhostSubdomainIsLoopbackOnlyWhenItResolvesThere() throws Exception {
        String name = "mapiq-simulator.localhost";
        boolean loopback;
        try {
            loopback = Arrays.stream(InetAddress.getAllByName(name)).allMatch(InetAddress::isLoopbackAddress);
        } catch (java.net.UnknownHostException e) {
            loopback = false;
        }
        String failure = startFailure("direct:start", "mapiq:users?operation=list&baseUrl=http://" + name + ":9");
        if (loopback) {
            assertThat(failure).isNull();
        } else {
            assertThat(failure).contains("Mapiq option baseUrl is plain HTTP to " + name);
        }
    }

    @Test
    void aQueryOfTheTokenUrlIsNeverShown() throws Exception {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            MapiqComponent component = new MapiqComponent();
            component.getConfiguration().setTokenUrl(mapiq.base() + "/token?tenant=t1&key=k-9f8e7d");
            context.addComponent("mapiq", component);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:start").to("mapiq:users?operation=list&baseUrl=" + mapiq.base()
                                            + "&clientId=c&clientSecret=query-secret-1");
                }
            });
            context.start();
            context.createProducerTemplate().requestBody("direct:start", "");
            MapiqEndpoint endpoint = context.getEndpoints().stream().filter(MapiqEndpoint.class::isInstance)
                    .map(MapiqEndpoint.class::cast).findFirst().orElseThrow();

            assertThat(component.getClients().tokenStatistics().keySet())
                    .containsExactly(mapiq.base() + "/token #1");
            assertThat(endpoint.getServiceUrl()).isEqualTo(mapiq.base() + "/v2/users");
            assertThat(component.getLastTokenError()).isNull();
            assertThat(String.valueOf(component.getClients())).doesNotContain("k-9f8e7d");
            assertThat(mapiq.requests("/token").get(0).query()).isEqualTo("tenant=t1&key=k-9f8e7d");
        }
    }

    @Test
    void aRefreshMarginAsLongAsTheTokensLifeWarnsOnceAtTheFirstToken() throws Exception {
        try (CapturedLogs logs = new CapturedLogs(); DefaultCamelContext context = new DefaultCamelContext()) {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:start").to("mapiq:users?operation=list&tokenRefreshMargin=2h"
                                            + mapiq.options("margin-secret-8b1c"));
                }
            });
            context.start();
            context.createProducerTemplate().requestBody("direct:start", "");
            context.createProducerTemplate().requestBody("direct:start", "");

            assertThat(logs.lines("WARN", "io.github.camelmapiq")).filteredOn(l -> l.contains("tokenRefreshMargin"))
                    .hasSize(1).allMatch(l -> l.contains("(7200000 ms) is as long as the tokens of " + mapiq.base()
                                                         + "/token live (3600 s)"));
        }
    }

    /** Why the context with {@code from → to} failed to start (every message in the chain), or null if it started. */
    private String startFailure(String from, String to) {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    String options = mapiq.options("startup-secret-6e2f");
                    from(from.startsWith("mapiq:") ? from + options : from)
                            .to(to.startsWith("mapiq:") && !to.contains("baseUrl=") && !to.contains("tokenUrl=")
                                    ? to + options
                                    : to.startsWith("mapiq:") ? to + "&clientId=c&clientSecret=startup-secret-6e2f"
                                                                + (to.contains("tokenUrl=") ? "&baseUrl=" + mapiq.base()
                                                                                            : "&tokenUrl=" + mapiq.base() + "/token")
                                    : to);
                }
            });
            context.start();
            return null;
        } catch (Exception e) {
            return MapiqTestSupport.messages(e);
        }
    }
}
