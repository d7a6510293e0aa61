package io.github.camelmapiq.mapiq.client.http;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The URI of a call is its base URL and path whether or not the path was seen before, however many paths a route
 * calls (ids in paths, more than are kept), and query parameters are encoded and added.
 */
class CallUrisTest {

    @Test
    void everyPathGetsItsOwnUriAcrossMoreDistinctPathsThanAreKept() {
        CallUris uris = new CallUris("https://api.mapiq.example/");
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < CallUris.KEPT * 3; i++) {
                String path = (i % 2 == 0 ? "/v2/reservations/workspaces/r-" : "v2/users/u-") + i;
                URI uri = uris.of(path, null);
                assertThat(uri.toString()).isEqualTo("https://api.mapiq.example/"
                                                     + (path.startsWith("/") ? path.substring(1) : path));
            }
        }
        assertThat(uris.of("/v2/users?pageSize=1", Map.of())).isEqualTo(URI.create(
                "https://api.mapiq.example/v2/users?pageSize=1"));
        assertThat(uris.of("/v2/users?pageSize=1", null).getRawQuery()).isEqualTo("pageSize=1");
        assertThat(uris.of("", null)).isEqualTo(URI.create("https://api.mapiq.example"));
    }

    @Test
    void queryParametersAreEncodedAndNullsLeftOut() {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("startDate", "2026-12-07");
        query.put("continuationToken", "a+b/c= d&e");
        query.put("userId", null);
        URI uri = new CallUris("http://127.0.0.1:8080").of("/v2/workdays", query);
        assertThat(uri.getRawQuery()).isEqualTo("startDate=2026-12-07&continuationToken=a%2Bb%2Fc%3D%20d%26e");
    }

    @Test
    void aPathThatIsNoUrlNamesTheBaseUrlAndThePath() {
        CallUris uris = new CallUris("http://127.0.0.1:8080");
        assertThatThrownBy(() -> uris.of("/v2/users/a b", null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Invalid Mapiq URL from baseUrl 'http://127.0.0.1:8080' and path '/v2/users/a b'");
    }
}
