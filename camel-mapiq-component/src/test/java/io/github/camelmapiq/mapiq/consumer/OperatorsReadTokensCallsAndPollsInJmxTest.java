package io.github.camelmapiq.mapiq.consumer;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;

import io.github.camelmapiq.mapiq.MapiqClientSettings;
import io.github.camelmapiq.mapiq.CapturedLogs;
import io.github.camelmapiq.mapiq.MapiqComponent;
import io.github.camelmapiq.mapiq.client.auth.TokenManager;
import io.github.camelmapiq.simulator.Fault;
import io.github.camelmapiq.simulator.MapiqSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The component, endpoint and consumer MBeans (what Hawtio shows) carry the token's times, the calls, retries and 429
 * waits, and each poll's figures; reset zeroes the counters; no attribute of any MBean of the context holds the secret
 * or the token.
 */
class OperatorsReadTokensCallsAndPollsInJmxTest extends ConsumerTestSupport {

    private final MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();

    @Test
    void mbeansShowTokenCallsWaitsAndPollsButNoSecret() throws Exception {
        addUser("Ada");
        addUser("Bob");
        addUser("Cy");
        control.injectFault(Fault.status(429).retryAfterSeconds(1).times(1).onPath("/v2/users"));
        Recorder recorder = new Recorder();
        CamelContext context = newContext();
        context.getManagementStrategy().getManagementAgent().setMBeanObjectDomainName("org.apache.camel");
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("mapiq:users?delay=60000&initialDelay=0&pageSize=2&changesOnly=true").routeId("poll")
                        .process(recorder);
            }
        });
        try (CapturedLogs logs = new CapturedLogs()) {
            context.start();
            eventually().until(() -> recorder.size() == 3);
            ObjectName consumer = only(context, "consumers", "*");
            eventually().until(() -> "SUCCESS".equals(jmx.getAttribute(consumer, "LastPollOutcome")));

            assertThat(logs.lines("INFO", "io.github.camelmapiq.mapiq.client.http.MapiqHttpClient"))
                    .containsExactly("io.github.camelmapiq.mapiq.client.http.MapiqHttpClient Mapiq GET /v2/users -> 429 "
                                     + "(attempt 1/4), retrying in 1000 ms");
        }

        ObjectName component = only(context, "components", "\"mapiq\"");
        Instant obtained = Instant.parse((String) jmx.getAttribute(component, "TokenObtainedAt"));
        Instant expires = Instant.parse((String) jmx.getAttribute(component, "TokenExpiresAt"));
        // the hour counts from when the token was asked for, so a slow token answer (a busy machine) shortens it
        assertThat(Duration.between(obtained, expires)).isBetween(Duration.ofMinutes(55), Duration.ofHours(1));
        assertThat(jmx.getAttribute(component, "TokenRequests")).isEqualTo(1L);
        assertThat(jmx.getAttribute(component, "TokenFailures")).isEqualTo(0L);
        assertThat((String[]) jmx.getAttribute(component, "CredentialSets")).singleElement().asString()
                .startsWith(sim.tokenUrl() + " #1: obtainedAt=" + obtained + ", expiresAt=" + expires
                            + ", requests=1, failures=0");

        ObjectName endpoint = only(context, "endpoints", "*users*");
        long served = control.calls("GET", "/v2/users");
        assertThat(jmx.getAttribute(endpoint, "Calls")).isEqualTo(served);
        assertThat(served).isEqualTo(3); // the 429, then two pages
        assertThat(jmx.getAttribute(endpoint, "Retries")).isEqualTo(1L);
        assertThat(jmx.getAttribute(endpoint, "RateLimitWaits")).isEqualTo(1L);
        assertThat(jmx.getAttribute(endpoint, "RateLimitWaitMillis")).isEqualTo(1000L);
        assertThat(jmx.getAttribute(endpoint, "PagesRead")).isEqualTo(2L);
        assertThat(jmx.getAttribute(endpoint, "Errors")).isEqualTo(0L);
        assertThat(jmx.getAttribute(endpoint, "ErrorsByStatus")).isEqualTo("{}");

        ObjectName poll = only(context, "consumers", "*");
        Instant started = Instant.parse((String) jmx.getAttribute(poll, "LastPollStarted"));
        Instant ended = Instant.parse((String) jmx.getAttribute(poll, "LastPollEnded"));
        assertThat(ended).isAfterOrEqualTo(started);
        assertThat(jmx.getAttribute(poll, "LastPollDurationMillis")).isEqualTo(Duration.between(started, ended).toMillis());
        assertThat(jmx.getAttribute(poll, "RecordsDelivered")).isEqualTo(3L);
        assertThat(jmx.getAttribute(poll, "ChangesCreated")).isEqualTo(3L);
        assertThat(jmx.getAttribute(poll, "ChangesUpdated")).isEqualTo(0L);
        assertThat(jmx.getAttribute(poll, "PagesRead")).isEqualTo(2L);
        assertThat(jmx.getAttribute(poll, "SuccessfulPolls")).isEqualTo(1L);
        assertThat(jmx.getAttribute(poll, "StateKeyName")).isEqualTo("mapiq:users:/v2/users");
        assertThat((Long) jmx.getAttribute(poll, "StateSize")).isPositive();
        assertThat(jmx.getAttribute(poll, "NextPollDue")).isEqualTo(ended.plusSeconds(60).toString());

        scanForSecrets(context);

        jmx.invoke(component, "resetStatistics", null, null);
        jmx.invoke(endpoint, "resetStatistics", null, null);
        jmx.invoke(poll, "resetStatistics", null, null);
        assertThat(jmx.getAttribute(component, "TokenRequests")).isEqualTo(0L);
        assertThat(jmx.getAttribute(component, "TokenExpiresAt")).isEqualTo(expires.toString());
        assertThat(jmx.getAttribute(endpoint, "Calls")).isEqualTo(0L);
        assertThat(jmx.getAttribute(endpoint, "RateLimitWaits")).isEqualTo(0L);
        assertThat(jmx.getAttribute(poll, "RecordsDelivered")).isEqualTo(0L);
        assertThat(jmx.getAttribute(poll, "LastPollOutcome")).isEqualTo("SUCCESS");
    }

    @Test
    void aRefusedTokenShowsAsTheLastTokenErrorWithoutTheSecret() throws Exception {
        CamelContext context = newContext();
        context.getComponent("mapiq", MapiqComponent.class).getConfiguration().setClientSecret("not-the-secret");
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("mapiq:users?delay=60000&initialDelay=0").routeId("poll").to("log:never");
            }
        });
        context.start();
        ObjectName poll = only(context, "consumers", "*");
        eventually().until(() -> "FAILURE".equals(jmx.getAttribute(poll, "LastPollOutcome")));

        ObjectName component = only(context, "components", "\"mapiq\"");
        assertThat(jmx.getAttribute(component, "TokenFailures")).isEqualTo(1L);
        assertThat((String) jmx.getAttribute(component, "LastTokenError")).contains("invalid_client")
                .doesNotContain("not-the-secret");
        assertThat(jmx.getAttribute(component, "TokenExpiresAt")).isNull();
        ObjectName endpoint = only(context, "endpoints", "*users*");
        assertThat(jmx.getAttribute(endpoint, "ErrorsByStatus")).isEqualTo("{token=1}");
        assertThat((String) jmx.getAttribute(poll, "LastPollError")).contains("invalid_client");
        assertThat(jmx.getAttribute(poll, "FailedPolls")).isEqualTo(1L);
        scanForSecrets(context, "not-the-secret");
    }

    /** Every readable attribute of every MBean of the context, as text, holds neither the secret nor the token. */
    private void scanForSecrets(CamelContext context, String... secrets) throws Exception {
        MapiqComponent mapiq = context.getComponent("mapiq", MapiqComponent.class);
        TokenManager tokens = mapiq.getClients().tokenManager(MapiqClientSettings.credentials(mapiq.getConfiguration()));
        List<String> forbidden = new ArrayList<>(List.of(MapiqSimulator.DEMO_CLIENT_SECRET));
        forbidden.addAll(List.of(secrets));
        if (tokens != null && tokens.statistics().expiresAt() != null) {
            forbidden.add(tokens.token().value());
        }
        Set<ObjectName> names = jmx.queryNames(new ObjectName("org.apache.camel:context=" + context.getManagementName()
                                                              + ",*"), null);
        int mapiqAttributes = 0;
        for (ObjectName name : names) {
            for (MBeanAttributeInfo attribute : jmx.getMBeanInfo(name).getAttributes()) {
                if (!attribute.isReadable()) {
                    continue;
                }
                Object value;
                try {
                    value = jmx.getAttribute(name, attribute.getName());
                } catch (Exception unreadable) {
                    continue;
                }
                String text = value instanceof Object[] array ? List.of(array).toString() : String.valueOf(value);
                for (String secret : forbidden) {
                    assertThat(text).as(name + " " + attribute.getName()).doesNotContain(secret);
                }
                if (name.toString().contains("mapiq")) {
                    mapiqAttributes++;
                }
            }
        }
        assertThat(mapiqAttributes).isGreaterThan(30);
    }

    private ObjectName only(CamelContext context, String type, String name) throws Exception {
        Set<ObjectName> found = jmx.queryNames(new ObjectName("org.apache.camel:context=" + context.getManagementName()
                                                              + ",type=" + type + ",name=" + name), null);
        assertThat(found).as(type + " " + name).hasSize(1);
        return found.iterator().next();
    }
}
