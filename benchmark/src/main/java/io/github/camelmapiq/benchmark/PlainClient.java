package io.github.camelmapiq.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelmapiq.simulator.MapiqSimulator;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.entity.UrlEncodedFormEntity;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ParseException;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.message.BasicNameValuePair;
import org.apache.hc.core5.util.Timeout;

/**
 * The reference: Apache HttpClient 5 and Jackson, written as a developer would without the component. The token is
 * fetched once, when the client is made; each page is read with {@code readTree} and dropped once counted, and the next
 * page is asked with the page's {@code continuationToken}. So it holds one page at a time: it streams at page grain.
 */
final class PlainClient implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final CloseableHttpClient http;
    private final String authorization;

    PlainClient(String baseUrl, String tokenUrl, int connections) throws IOException {
        this.baseUrl = baseUrl;
        PoolingHttpClientConnectionManager pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(connections).setMaxConnPerRoute(connections)
                .setDefaultSocketConfig(SocketConfig.custom().setSoTimeout(Timeout.ofSeconds(60)).build())
                .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(Timeout.ofSeconds(5))
                        .setSocketTimeout(Timeout.ofSeconds(60)).build())
                .build();
        this.http = HttpClients.custom().setConnectionManager(pool).disableCookieManagement()
                .evictIdleConnections(Timeout.of(30, TimeUnit.SECONDS)).build();
        this.authorization = "Bearer " + token(tokenUrl);
    }

    private String token(String tokenUrl) throws IOException {
        HttpPost post = new HttpPost(tokenUrl);
        post.setEntity(new UrlEncodedFormEntity(List.of(new BasicNameValuePair("grant_type", "client_credentials"),
                new BasicNameValuePair("client_id", MapiqSimulator.DEMO_CLIENT_ID),
                new BasicNameValuePair("client_secret", MapiqSimulator.DEMO_CLIENT_SECRET),
                new BasicNameValuePair("scope", MapiqSimulator.SCOPE))));
        return http.execute(post, response -> json(response, "the token request")).path("access_token").asText();
    }

    /** Lists every workspace reservation of the window, page by page; answers how many there were. */
    long listWorkspaceReservations(Window window) throws IOException {
        long records = 0;
        for (Window call : window.chunks()) {
            String continuation = null;
            do {
                String url = baseUrl + ControlPlane.LIST_PATH + "?" + call.query() + (continuation == null ? ""
                        : "&continuationToken=" + URLEncoder.encode(continuation, StandardCharsets.UTF_8));
                HttpGet get = new HttpGet(url);
                get.setHeader("Authorization", authorization);
                JsonNode page = http.execute(get, response -> json(response, url));
                JsonNode items = page.path("items");
                if (!items.isArray()) {
                    throw new IOException("No items array in the answer of " + url);
                }
                records += items.size();
                JsonNode next = page.path("continuationToken");
                continuation = next.isTextual() && !next.asText().isEmpty() ? next.asText() : null;
            } while (continuation != null);
        }
        return records;
    }

    /** One small call; answers the length of the answer's text. */
    int get(String pathAndQuery) throws IOException {
        HttpGet get = new HttpGet(baseUrl + pathAndQuery);
        get.setHeader("Authorization", authorization);
        return http.execute(get, response -> {
            String body = EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8);
            if (response.getCode() != 200) {
                throw new IOException("HTTP " + response.getCode() + " from " + pathAndQuery + ": " + body);
            }
            return body.length();
        });
    }

    /** The id of the first record a listing call answers (the user a small call of the {@code calls} case gets). */
    String firstId(String pathAndQuery) throws IOException {
        HttpGet get = new HttpGet(baseUrl + pathAndQuery);
        get.setHeader("Authorization", authorization);
        JsonNode id = http.execute(get, response -> json(response, pathAndQuery)).path("items").path(0).path("id");
        if (!id.isTextual()) {
            throw new IOException("No record with an id in the answer of " + pathAndQuery);
        }
        return id.asText();
    }

    private static JsonNode json(ClassicHttpResponse response, String what) throws IOException, ParseException {
        if (response.getCode() != 200) {
            throw new IOException("HTTP " + response.getCode() + " from " + what + ": "
                                  + EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8));
        }
        try (InputStream body = response.getEntity().getContent()) {
            return JSON.readTree(body);
        }
    }

    @Override
    public void close() throws IOException {
        http.close();
    }
}
