package io.github.camelmapiq.mapiq.client.http;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.github.camelmapiq.mapiq.MapiqClientSettings;
import com.sun.net.httpserver.HttpServer;
import io.github.camelmapiq.mapiq.MapiqConfiguration;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lists are delivered page by page: the records of the first page reach the sink while the server has not answered
 * the next page, so a listing of a million records is never held whole. The server here holds the second page back
 * until the sink has seen a record; a client that gathered the listing first would never deliver it and the test would
 * time out. (The simulator answers at once, so this one test uses a minimal JDK server.)
 */
class ListRecordsReachTheSinkBeforeTheListingEndsTest {

    @Test
    void firstPageIsDeliveredBeforeTheServerAnswersTheNext() throws Exception {
        CountDownLatch firstRecordDelivered = new CountDownLatch(1);
        AtomicLong recordsSentBeforeSinkSawFirst = new AtomicLong(-1);
        int total = 20_000;
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/token", ex -> {
            ex.getRequestBody().readAllBytes();
            byte[] token = "{\"access_token\":\"t\",\"token_type\":\"Bearer\",\"expires_in\":3600}"
                    .getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, token.length);
            ex.getResponseBody().write(token);
            ex.close();
        });
        server.createContext("/v2/users", ex -> {
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(200, 0); // chunked
            boolean second = ex.getRequestURI().getRawQuery().contains("continuationToken=p2");
            try (OutputStream out = ex.getResponseBody()) {
                if (!second) {
                    out.write("{\"items\":[{\"id\":\"u-0\"}],\"continuationToken\":\"p2\"}"
                            .getBytes(StandardCharsets.UTF_8));
                    return;
                }
                boolean seen = firstRecordDelivered.await(10, TimeUnit.SECONDS);
                recordsSentBeforeSinkSawFirst.set(seen ? 1 : -1);
                out.write("{\"items\":[".getBytes(StandardCharsets.UTF_8));
                for (int i = 1; i < total; i++) {
                    out.write(((i > 1 ? "," : "") + "{\"id\":\"u-" + i + "\"}").getBytes(StandardCharsets.UTF_8));
                }
                out.write("],\"continuationToken\":null}".getBytes(StandardCharsets.UTF_8));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.start();
        try (MapiqClients clients = new MapiqClients(); DefaultCamelContext context = new DefaultCamelContext()) {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            MapiqConfiguration c = new MapiqConfiguration();
            c.setBaseUrl(base);
            c.setTokenUrl(base + "/token");
            c.setClientId("id");
            c.setClientSecret("secret");

            long count = clients.clientFor(MapiqClientSettings.of(c, context)).list("/v2/users", Map.of(), 1000,
                    r -> firstRecordDelivered.countDown());

            assertThat(recordsSentBeforeSinkSawFirst.get()).as("server saw the sink get record 1 while it held the rest")
                    .isEqualTo(1);
            assertThat(count).isEqualTo(total);
        } finally {
            server.stop(0);
        }
    }
}
