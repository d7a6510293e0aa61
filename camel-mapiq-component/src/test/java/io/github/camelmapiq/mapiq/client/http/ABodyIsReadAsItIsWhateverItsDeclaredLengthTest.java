package io.github.camelmapiq.mapiq.client.http;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.BasicHttpEntity;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A small answer's declared length only sizes the buffer it is read into: a body is read as it is, shorter or longer
 * than it said (an {@code httpClient} of the user's, an entity that misreports), never cut at the declared length, and
 * never beyond {@code max}: a body over the limit reads as more than the limit, so the caller refuses it.
 */
class ABodyIsReadAsItIsWhateverItsDeclaredLengthTest {

    @ParameterizedTest(name = "{0} bytes declared as {1}, limit {2}")
    @CsvSource({
        "300, 300, 1000", // what servers do
        "300, -1, 1000", // chunked, or decompressed
        "300, 10, 1000", // declared far shorter
        "300, 299, 1000", // one byte shorter
        "300, 5000, 1000", // declared longer than it is, and than the limit
        "300, 700, 1000", // declared longer than it is, within the limit
        "0, 0, 1000",
        "9000, 9000, 20000", // beyond the small-buffer size
        "1200, 100, 1000", // longer than the limit, declared short: the limit holds
        "1200, 1200, 1000"})
    void theWholeBodyUpToTheLimitComesBack(int size, long declared, int limit) throws Exception {
        byte[] body = new byte[size];
        for (int i = 0; i < size; i++) {
            body[i] = (byte) ('a' + i % 26);
        }
        BasicHttpEntity entity = new BasicHttpEntity(new ByteArrayInputStream(body), declared,
                ContentType.APPLICATION_JSON);

        byte[] whole = AnswerBodies.readWhole(entity, limit);

        if (size > limit) {
            assertThat(whole).as("over the limit: refused, not cut").isNull();
        } else {
            assertThat(new String(whole, StandardCharsets.US_ASCII)).isEqualTo(new String(body, StandardCharsets.US_ASCII));
        }
        BasicHttpEntity again = new BasicHttpEntity(new ByteArrayInputStream(body), declared,
                ContentType.APPLICATION_JSON);
        assertThat(AnswerBodies.readAtMost(again, limit)).isEqualTo(Arrays.copyOf(body, Math.min(size, limit)));
    }
}
