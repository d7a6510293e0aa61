package io.github.camelmapiq.mapiq.client.http;

import java.time.Duration;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import io.github.camelmapiq.mapiq.client.error.MapiqResponseException;

/**
 * What the client accepts from Mapiq before it calls an answer bad: the size of one answer, of one record, the depth
 * of nesting, the pages of one listing, and how long one call may take in all. An answer beyond a limit fails with a
 * {@link MapiqResponseException} and is not retried: the same request would get the same answer.
 *
 * @param maxResponseSize largest answer body in bytes (one page of a list); also Jackson's document length limit
 * @param maxRecordSize   largest record of a list in bytes; also Jackson's string length limit
 * @param maxNestingDepth deepest nesting of objects and arrays in an answer (Jackson's nesting limit)
 * @param maxPages        pages followed in one listing call before it is given up as endless
 * @param callTimeout     longest a call may take, all attempts, waits and the reading of the answer included; zero for
 *                        no limit besides the socket timeouts
 */
public record ReadLimits(int maxResponseSize, int maxRecordSize, int maxNestingDepth, int maxPages,
        Duration callTimeout) {

    public ReadLimits {
        positive(maxResponseSize, "maxResponseSize");
        positive(maxRecordSize, "maxRecordSize");
        positive(maxNestingDepth, "maxNestingDepth");
        positive(maxPages, "maxPages");
        if (callTimeout == null || callTimeout.isNegative()) {
            throw new IllegalArgumentException("Invalid callTimeout " + callTimeout + ": must be 0 (no limit) or more");
        }
    }

    private static void positive(long value, String option) {
        if (value < 1) {
            throw new IllegalArgumentException("Invalid " + option + " " + value + ": must be 1 or more");
        }
    }

    /** A JSON factory whose parsers enforce these limits. */
    /** The failure of {@code call} whose JSON answer went beyond {@link #jsonFactory()}'s limits. */
    MapiqResponseException beyond(String call, StreamConstraintsException e) {
        return new MapiqResponseException("Mapiq API " + call + " answered beyond the configured limits (maxResponseSize "
                                          + maxResponseSize + " bytes after decompression, maxNestingDepth "
                                          + maxNestingDepth + "): " + e.getOriginalMessage(), e);
    }

    JsonFactory jsonFactory() {
        return JsonFactory.builder()
                .disable(StreamReadFeature.AUTO_CLOSE_SOURCE) // the call ends the body: closing would read it all
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxDocumentLength(maxResponseSize)
                        .maxStringLength(maxRecordSize)
                        .maxNestingDepth(maxNestingDepth)
                        .build())
                .build();
    }
}
