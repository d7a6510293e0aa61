package io.github.camelmapiq.mapiq.hostile;

import java.util.List;

import io.github.camelmapiq.mapiq.MapiqConstants;
import io.github.camelmapiq.mapiq.MapiqTestSupport;
import io.github.camelmapiq.mapiq.client.error.MapiqApiException;
import io.github.camelmapiq.mapiq.client.error.MapiqAuthenticationException;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A token request carries the client secret, an API call a bearer token: neither follows a redirect, to another host
 * or the same one. A 3xx fails the exchange with a {@code MapiqException} naming the status and where the redirect
 * pointed (never its path or query), is not retried, and never counts as success: a delete, a check-in and an ingest
 * answered 302 fail, and a check-in that failed so is not taken as sent (the same check-in is posted again).
 */
class RedirectsAreNeverFollowedTest {

    private static final String SECRET = "redirect-secret-71c9";

    private HostileServer mapiq;
    /** Another host: whatever reaches it was led there by a redirect. */
    private HostileServer elsewhere;

    @BeforeEach
    void start() throws Exception {
        mapiq = new HostileServer();
        elsewhere = new HostileServer().withToken("stolen-token").on("/steal", ex -> HostileServer.text(ex, 200,
                "application/json", "{\"items\":[],\"id\":\"x\"}"));
    }

    @AfterEach
    void stop() {
        mapiq.close();
        elsewhere.close();
    }

    @ParameterizedTest
    @ValueSource(ints = {301, 302, 303, 307, 308})
    void aTokenEndpointThatRedirectsGetsNoSecretFollowedAnywhere(int status) throws Exception {
        mapiq.on("/token", HostileServer.redirect(status, elsewhere.base() + "/token?leak=" + SECRET));

        Exchange answer = send("mapiq:users?operation=list", "");

        assertThat(answer.getException()).isInstanceOf(MapiqAuthenticationException.class)
                .hasMessageContaining("answered HTTP " + status)
                .hasMessageContaining("a redirect to http://" + elsewhere.hostAndPort())
                .hasMessageContaining("not followed")
                .hasMessageNotContaining("leak").hasMessageNotContaining(SECRET);
        assertThat(((MapiqAuthenticationException) answer.getException()).getStatus()).isEqualTo(status);
        assertThat(elsewhere.requests()).as("nothing reached the other host").isEmpty();
        assertThat(mapiq.requests("/token")).as("a redirect is not retried").hasSize(1);
    }

    @Test
    void aListRedirectedToAnotherHostFailsWithoutSendingTheTokenThere() throws Exception {
        mapiq.withToken("good-token").on("/v2/users", HostileServer.redirect(302, elsewhere.base() + "/steal?q=1"));

        Exchange answer = send("mapiq:users?operation=list", "");

        assertThat(answer.getException()).isInstanceOf(MapiqApiException.class)
                .hasMessage("Mapiq API GET /v2/users answered 302 Moved Temporarily, a redirect to http://"
                            + elsewhere.hostAndPort() + ", which is not followed: the request carries the access "
                            + "token. Check baseUrl (a proxy or gateway before Mapiq may redirect)");
        assertThat(elsewhere.requests()).isEmpty();
        assertThat(mapiq.requests("/v2/users")).as("not retried").hasSize(1);
    }

    @Test
    void writesAnswered302FailTheExchangeAndACheckinSoAnsweredIsNotTakenAsSent() throws Exception {
        mapiq.withToken("good-token")
                .on("/v2/reservations/workspaces/r-1", HostileServer.redirect(302, elsewhere.base() + "/steal"))
                .on("/v2/user-locations/checkin-events", HostileServer.redirect(302, "/v2/elsewhere"))
                .on("/v2/occupancy", HostileServer.redirect(302, elsewhere.base() + "/steal"));
        String checkin = "{\"userId\":\"u-1\",\"buildingId\":\"b-1\",\"eventType\":\"AtTheOffice\",\"source\":\"AccessGate\"}";

        Exchange delete = send("mapiq:workspace-reservations?operation=delete", "r-1");
        Exchange first = send("mapiq:checkin-events?operation=create", checkin);
        Exchange again = send("mapiq:checkin-events?operation=create", checkin);
        Exchange ingest = send("mapiq:occupancy?operation=ingest",
                "[{\"spaceId\":\"desk-1\",\"timestamp\":\"2026-12-07T10:00:00Z\",\"occupancy\":1}]");

        for (Exchange failed : List.of(delete, first, again, ingest)) {
            assertThat(failed.getException()).as(failed.getFromRouteId()).isNotNull();
            assertThat(MapiqTestSupport.messages(failed.getException())).contains("answered 302 Moved Temporarily", "not followed");
            assertThat(failed.getMessage().getHeader(MapiqConstants.HTTP_STATUS)).as("no status of success").isNull();
        }
        assertThat(first.getException()).hasMessageContaining("a redirect to a path of the same host");
        assertThat(mapiq.requests("/v2/user-locations/checkin-events")).as("a failed check-in is not coalesced: sent again")
                .hasSize(2);
        assertThat(mapiq.requests("/v2/elsewhere")).isEmpty();
        assertThat(elsewhere.requests()).isEmpty();
    }

    private Exchange send(String uri, String body) throws Exception {
        return HostileServer.call(uri + mapiq.options(SECRET), body);
    }
}
