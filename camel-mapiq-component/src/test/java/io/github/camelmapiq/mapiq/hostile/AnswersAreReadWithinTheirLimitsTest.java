package io.github.camelmapiq.mapiq.hostile;

import java.io.ByteArrayOutputStream;
import java.util.zip.GZIPOutputStream;

import io.github.camelmapiq.mapiq.client.error.MapiqApiException;
import io.github.camelmapiq.mapiq.client.error.MapiqAuthenticationException;
import io.github.camelmapiq.mapiq.client.error.MapiqResponseException;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No answer is read past its limit, however it comes: a text answer of {@code mapiq:raw}, a gzip bomb (a small
 * compressed body that inflates to a gigabyte) on a raw call and on a list, an error answer of a hundred megabytes, a
 * token answer of megabytes. Each fails with the limit named, at the limit (counted after decompression), and the
 * rest is not read: the connection is closed, so the server cannot write the whole answer.
 */
class AnswersAreReadWithinTheirLimitsTest {

    private static final String LIMIT = "&maxResponseSize=1048576";
    /** A gzip of 1 GiB of spaces (white space between JSON tokens, or text): about 1 MB. */
    private static byte[] bomb;

    private HostileServer mapiq;

    @BeforeAll
    static void makeTheBomb() throws Exception {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(compressed, 64 * 1024)) {
            byte[] zeros = new byte[1024 * 1024];
            java.util.Arrays.fill(zeros, (byte) ' ');
            for (int i = 0; i < 1024; i++) {
                gzip.write(zeros);
            }
        }
        bomb = compressed.toByteArray();
    }

    @BeforeEach
    void start() throws Exception {
        mapiq = new HostileServer().withToken("good-token-2b7f");
    }

    @AfterEach
    void stop() {
        mapiq.close();
    }

    @Test
    void aRawTextAnswerOf300MegabytesFailsAtMaxResponseSize() throws Exception {
        long total = 300L * 1024 * 1024;
        mapiq.on("/v2/export", mapiq.stream(200, total, (byte) 'a', "Content-Type", "text/plain"));

        Exchange answer = send("mapiq:raw?path=/v2/export" + LIMIT);

        assertThat(answer.getException()).isInstanceOf(MapiqResponseException.class)
                .hasMessage("Mapiq API GET /v2/export answered more than maxResponseSize (1048576 bytes, counted "
                            + "after decompression); raise maxResponseSize to take larger answers");
        assertThat(mapiq.bytesWritten()).as("the rest was not read: the server could not write it all")
                .isLessThan(total / 4);
    }

    @Test
    void aGzipBombOnARawCallFailsAtTheLimitWithoutInflatingTheRest() throws Exception {
        mapiq.on("/v2/export", mapiq.bytes(200, bomb, "Content-Type", "text/plain", "Content-Encoding", "gzip"));
        mapiq.on("/v2/json-export", mapiq.bytes(200, bomb, "Content-Type", "application/json",
                "Content-Encoding", "gzip"));

        Exchange text = send("mapiq:raw?path=/v2/export" + LIMIT);
        Exchange json = send("mapiq:raw?path=/v2/json-export" + LIMIT);
        Exchange tree = send("mapiq:raw?path=/v2/json-export&outputFormat=map" + LIMIT);

        assertThat(text.getException()).isInstanceOf(MapiqResponseException.class)
                .hasMessageContaining("more than maxResponseSize (1048576 bytes, counted after decompression)");
        assertThat(json.getException()).isInstanceOf(MapiqResponseException.class)
                .hasMessageContaining("more than maxResponseSize (1048576 bytes, counted after decompression)");
        assertThat(tree.getException()).isInstanceOf(MapiqResponseException.class)
                .hasMessageContaining("maxResponseSize 1048576 bytes after decompression");
    }

    @Test
    void aGzipBombAsAListPageFailsAtTheLimit() throws Exception {
        mapiq.on("/v2/users", mapiq.bytes(200, bomb, "Content-Type", "application/json", "Content-Encoding", "gzip"));

        Exchange answer = send("mapiq:users?operation=list" + LIMIT);

        assertThat(answer.getException()).isInstanceOf(MapiqResponseException.class)
                .hasMessageContaining("more than maxResponseSize (1048576 bytes");
        assertThat(mapiq.requests("/v2/users")).as("a bad answer is not asked again").hasSize(1);
    }

    @Test
    void anErrorAnswerOf100MegabytesIsQuotedFromItsStartAndNotReadToItsEnd() throws Exception {
        long total = 100L * 1024 * 1024;
        mapiq.on("/v2/users", mapiq.stream(400, total, (byte) 'e', "Content-Type", "text/plain"));

        Exchange answer = send("mapiq:users?operation=list");

        assertThat(answer.getException()).isInstanceOf(MapiqApiException.class)
                .hasMessageStartingWith("Mapiq API GET /v2/users answered 400 Bad Request: eeee");
        assertThat(answer.getException().getMessage()).hasSizeLessThan(500);
        assertThat(mapiq.bytesWritten()).isLessThan(total / 4);
    }

    @Test
    void aTokenAnswerOfMegabytesIsRefusedAfter64KiB() throws Exception {
        long total = 20L * 1024 * 1024;
        mapiq.on("/token", mapiq.stream(200, total, (byte) ' ', "Content-Type", "application/json"));

        Exchange answer = send("mapiq:users?operation=list");

        assertThat(answer.getException()).isInstanceOf(MapiqAuthenticationException.class)
                .hasMessageContaining("answered HTTP 200 with more than 64 KiB");
        assertThat(mapiq.bytesWritten()).isLessThan(total / 4);
    }

    @Test
    void aGzipBombAsATokenAnswerIsRefusedAfter64KiB() throws Exception {
        mapiq.on("/token", mapiq.bytes(200, bomb, "Content-Type", "application/json", "Content-Encoding", "gzip"));

        Exchange answer = send("mapiq:users?operation=list");

        assertThat(answer.getException()).isInstanceOf(MapiqAuthenticationException.class)
                .hasMessageContaining("with more than 64 KiB");
    }

    private Exchange send(String uri) throws Exception {
        return HostileServer.call(uri + mapiq.options("limits-secret-5e1a") + "&maxRetries=0", "");
    }
}
