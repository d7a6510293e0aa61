package io.github.camelmapiq.mapiq.hostile;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.camelmapiq.mapiq.CapturedLogs;
import io.github.camelmapiq.mapiq.MapiqComponent;
import io.github.camelmapiq.mapiq.MapiqEndpoint;
import io.github.camelmapiq.mapiq.client.error.MapiqAuthenticationException;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.console.DevConsole;
import org.apache.camel.console.DevConsoleRegistry;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client secret with {@code ~+/=} in it, echoed back by a token endpoint that refuses the request with a 400 quoting
 * its form body, never leaves the component in any encoding: not as it is, not form-encoded (as it was sent, with
 * {@code %7E} or {@code ~}, upper- or lower-case hex), not JSON-escaped (with {@code \/}), not in Base64 alone or inside
 * HTTP Basic credentials. Looked for in the exception a route sees, every log line at DEBUG, JMX
 * ({@code LastTokenError}, the endpoint's {@code LastError}), the token health check and the dev console.
 */
class SecretsAreMaskedInEveryEncodingTest {

    private static final String CLIENT_ID = "echo-client";
    private static final String SECRET = "Sk~p+9/Qz=Wx4~echo";

    private HostileServer mapiq;

    @BeforeEach
    void start() throws Exception {
        mapiq = new HostileServer();
        String basic = Base64.getEncoder().encodeToString((CLIENT_ID + ":" + SECRET).getBytes(StandardCharsets.UTF_8));
        String alone = Base64.getUrlEncoder().withoutPadding().encodeToString(SECRET.getBytes(StandardCharsets.UTF_8));
        String json = SECRET.replace("/", "\\/");
        mapiq.on("/token", ex -> {
            String form = mapiq.requests("/token").get(mapiq.requests("/token").size() - 1).body();
            HostileServer.text(ex, 400, "text/plain", "invalid_request: got " + form + "\nas JSON \"" + json
                                                      + "\"\nBasic " + basic + "\nsecret " + alone + "\nlower "
                                                      + lowerHex(form));
        });
        mapiq.on("/json-token", ex -> {
            String form = mapiq.requests("/json-token").get(0).body();
            HostileServer.text(ex, 400, "application/json", "{\"error\":\"invalid_request\",\"error_description\":"
                                                             + "\"body was " + form + " for " + json + " (Basic "
                                                             + basic + ")\"}");
        });
    }

    @AfterEach
    void stop() {
        mapiq.close();
    }

    @Test
    void theSecretEchoedInEveryEncodingIsMaskedEverywhereItCouldLeave() throws Exception {
        List<String> texts = new ArrayList<>();
        List<String> logLines;
        Exchange plain;
        Exchange json;
        try (CapturedLogs logs = new CapturedLogs(); DefaultCamelContext context = new DefaultCamelContext()) {
            MapiqComponent component = new MapiqComponent();
            component.getConfiguration().setBaseUrl(mapiq.base());
            component.getConfiguration().setTokenUrl(mapiq.base() + "/token");
            component.getConfiguration().setClientId(CLIENT_ID);
            component.getConfiguration().setClientSecret(SECRET);
            component.getConfiguration().setMaxRetries(0);
            context.addComponent("mapiq", component);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:plain").routeId("plain").to("mapiq:users?operation=list");
                    from("direct:json").routeId("json")
                            .to("mapiq:buildings?operation=list&tokenUrl=" + mapiq.base() + "/json-token");
                }
            });
            context.start();
            plain = context.createProducerTemplate().send("direct:plain", e -> e.getMessage().setBody(""));
            json = context.createProducerTemplate().send("direct:json", e -> e.getMessage().setBody(""));
            texts.add(printed(plain.getException()));
            texts.add(printed(json.getException()));
            texts.add(String.valueOf(component.getLastTokenError()));
            for (org.apache.camel.Endpoint endpoint : context.getEndpoints()) {
                if (endpoint instanceof MapiqEndpoint mapiqEndpoint) {
                    texts.add(String.valueOf(mapiqEndpoint.getLastError()));
                }
            }
            for (HealthCheck.Result result : HealthCheckHelper.invokeReadiness(context, "full")) {
                texts.add(result.getMessage().orElse("") + " " + result.getDetails());
            }
            DevConsole console = context.getCamelContextExtension().getContextPlugin(DevConsoleRegistry.class)
                    .resolveById("mapiq");
            texts.add(String.valueOf(console.call(DevConsole.MediaType.TEXT)));
            texts.add(String.valueOf(console.call(DevConsole.MediaType.JSON)));
            logLines = logs.lines();
        }

        String sent = mapiq.requests("/token").get(0).body();
        assertThat(sent).as("the form really carried the secret encoded").contains("client_secret=Sk");
        assertThat(plain.getException()).isInstanceOf(MapiqAuthenticationException.class)
                .hasMessageContaining("refused the token request with HTTP 400: invalid_request: got ")
                .hasMessageContaining("******");
        assertThat(json.getException()).isInstanceOf(MapiqAuthenticationException.class)
                .hasMessageContaining("invalid_request (body was ").hasMessageContaining("******");
        assertThat(texts).anyMatch(t -> t.contains("no Mapiq token for"));
        Map<String, String> forms = forms(sent);
        forms.forEach((encoding, form) -> {
            assertThat(texts).as("no text holds the secret " + encoding).noneMatch(t -> t.contains(form));
            assertThat(logLines).as("no log line holds the secret " + encoding).noneMatch(l -> l.contains(form));
        });
    }

    /** Every form of the secret a server could echo, by encoding. */
    private static Map<String, String> forms(String sentForm) {
        Map<String, String> forms = new LinkedHashMap<>();
        String encoded = URLEncoder.encode(SECRET, StandardCharsets.UTF_8);
        forms.put("raw", SECRET);
        forms.put("as sent", sentForm.replaceAll(".*client_secret=([^&]*).*", "$1"));
        forms.put("form-encoded with %7E", encoded);
        forms.put("form-encoded with ~", encoded.replace("%7E", "~"));
        forms.put("form-encoded in lower-case hex", lowerHex(encoded));
        forms.put("JSON-escaped", SECRET.replace("/", "\\/"));
        forms.put("Base64", Base64.getEncoder().encodeToString(SECRET.getBytes(StandardCharsets.UTF_8)));
        forms.put("Base64url", Base64.getUrlEncoder().withoutPadding()
                .encodeToString(SECRET.getBytes(StandardCharsets.UTF_8)));
        forms.put("in HTTP Basic credentials", Base64.getEncoder()
                .encodeToString((CLIENT_ID + ":" + SECRET).getBytes(StandardCharsets.UTF_8)));
        forms.put("its distinctive part", "Qz=Wx4");
        return forms;
    }

    private static String lowerHex(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' && i + 2 < text.length()) {
                out.append(text, i, i + 3).append("");
                out.setCharAt(out.length() - 2, Character.toLowerCase(text.charAt(i + 1)));
                out.setCharAt(out.length() - 1, Character.toLowerCase(text.charAt(i + 2)));
                i += 2;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String printed(Throwable failure) {
        StringWriter text = new StringWriter();
        failure.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
