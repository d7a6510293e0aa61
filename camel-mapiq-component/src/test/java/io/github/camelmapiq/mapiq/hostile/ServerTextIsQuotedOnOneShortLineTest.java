package io.github.camelmapiq.mapiq.hostile;

import io.github.camelmapiq.mapiq.client.error.MapiqApiException;
import io.github.camelmapiq.mapiq.client.error.MapiqAuthenticationException;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a server writes in an error answer is data, never a log line of its own: problem details whose title and
 * detail carry line breaks, a terminal escape sequence and a Unicode direction override, and a token refusal whose
 * description runs to thousands of characters, reach the exception message on one line, control characters written
 * as escapes, shortened to a few hundred characters with a marker that says how much was left out.
 */
class ServerTextIsQuotedOnOneShortLineTest {

    private HostileServer mapiq;

    @BeforeEach
    void start() throws Exception {
        mapiq = new HostileServer();
    }

    @AfterEach
    void stop() {
        mapiq.close();
    }

    @Test
    void problemDetailsWithLineBreaksAndEscapesStayOnOneLine() throws Exception {
        mapiq.withToken("good-token-55e0").on("/v2/users", ex -> HostileServer.text(ex, 400,
                "application/problem+json", "{\"title\":\"Bad\",\"detail\":\"line one\\nINFO forged log line\\r\\n"
                                            + "\\u001b[31mred\\u202Eevil\",\"traceId\":\"t-1\\nX\"}"));

        Exchange answer = send("mapiq:users?operation=list", "/token");

        assertThat(answer.getException()).isInstanceOf(MapiqApiException.class)
                .hasMessage("Mapiq API GET /v2/users answered 400 Bad Request: line one\\nINFO forged log line\\r\\n"
                            + "\\u001b[31mred\\u202eevil (traceId t-1\\nX)");
    }

    @Test
    void aLongTokenRefusalIsShortenedWithAMarker() throws Exception {
        String description = "x".repeat(5000);
        mapiq.on("/token", ex -> HostileServer.text(ex, 400, "application/json",
                "{\"error\":\"invalid_request\",\"error_description\":\"" + description + "\"}"));

        Exchange answer = send("mapiq:users?operation=list", "/token");

        assertThat(answer.getException()).isInstanceOf(MapiqAuthenticationException.class);
        String message = answer.getException().getMessage();
        assertThat(message).startsWith("Mapiq token endpoint " + mapiq.base() + "/token refused the token request "
                                       + "with HTTP 400: invalid_request (" + "x".repeat(300) + "... [4700 more "
                                       + "characters])")
                .hasSizeLessThan(600).doesNotContain("\n");
    }

    private Exchange send(String uri, String tokenPath) throws Exception {
        return HostileServer.call(uri + mapiq.options("quote-secret-3f9b") + "&maxRetries=0", "");
    }
}
