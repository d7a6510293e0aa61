package io.github.camelmapiq.mapiq.client.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import com.fasterxml.jackson.databind.ObjectReader;

/**
 * The bytes of one list answer, held in chunks of {@value #CHUNK} bytes as they came off the wire. A page of 1,000
 * records is about 600 KB: read into one array (grown by doubling, then trimmed), it cost four times its size in
 * allocations, each page a "humongous" object that G1 places outside its young generation (any object of half a
 * region, 512 KB with the 1 MB regions of heaps up to 2 GB) and that may start a marking cycle. Chunks are allocated
 * once each, never copied to grow, and are ordinary young objects.
 * <p>
 * A record is framed as a slice of the chunk holding it; the few records that straddle two chunks are copied into an
 * array of their own ({@link #record}).
 */
final class PageBody {

    private static final int SHIFT = 15;

    /** Bytes per chunk: far below half of G1's smallest region. */
    static final int CHUNK = 1 << SHIFT;

    private static final int MASK = CHUNK - 1;

    private final byte[][] chunks;
    private final int length;

    private PageBody(byte[][] chunks, int length) {
        this.chunks = chunks;
        this.length = length;
    }

    /** A body held in one array (a test's, or an answer already in memory). */
    static PageBody of(byte[] bytes) {
        byte[][] chunks = new byte[(bytes.length + MASK) / CHUNK][];
        for (int i = 0; i < chunks.length; i++) {
            chunks[i] = Arrays.copyOfRange(bytes, i * CHUNK, Math.min(bytes.length, (i + 1) * CHUNK));
        }
        return new PageBody(chunks, bytes.length);
    }

    /**
     * Reads {@code in} to its end.
     *
     * @return the body, or {@code null} when it grows past {@code max} bytes (then {@code in} is not read further)
     */
    static PageBody read(InputStream in, int max) throws IOException {
        byte[][] chunks = new byte[8][];
        int count = 0;
        int length = 0;
        byte[] chunk = null;
        int filled = CHUNK;
        while (true) {
            if (length >= max) {
                return in.read() < 0 ? new PageBody(Arrays.copyOf(chunks, count), length) : null;
            }
            if (filled == CHUNK) {
                chunk = new byte[CHUNK];
                filled = 0;
                if (count == chunks.length) {
                    chunks = Arrays.copyOf(chunks, count * 2);
                }
                chunks[count++] = chunk;
            }
            int n = in.read(chunk, filled, Math.min(CHUNK - filled, max - length));
            if (n < 0) {
                return new PageBody(Arrays.copyOf(chunks, count), length);
            }
            filled += n;
            length += n;
        }
    }

    int length() {
        return length;
    }

    /** The byte at {@code index} (0 to {@link #length()} - 1). */
    byte byteAt(int index) {
        return chunks[index >>> SHIFT][index & MASK];
    }

    /** The UTF-8 text of {@code length} bytes from {@code start}. */
    String text(int start, int length) {
        int local = start & MASK;
        if (local + length <= CHUNK) {
            return new String(chunks[start >>> SHIFT], local, length, StandardCharsets.UTF_8);
        }
        return new String(copy(start, length), StandardCharsets.UTF_8);
    }

    /**
     * A record of {@code length} bytes from {@code start}: a slice of its chunk, or of its own copy when it straddles
     * two chunks. Its key fields are {@code keys}, or when that is null read from its bytes by {@code keyReader}.
     */
    ListedRecord record(int start, int length, String[] keys, KeyReader keyReader, ObjectReader boundBy,
                        Object bound) {
        int local = start & MASK;
        byte[] bytes;
        if (local + length <= CHUNK) {
            bytes = chunks[start >>> SHIFT];
        } else {
            bytes = copy(start, length);
            local = 0;
        }
        // read now, while the record's bytes are still in the processor's cache
        String[] known = keys != null ? keys : keyReader.read(bytes, local, length);
        return new ListedRecord(bytes, local, length, known, boundBy, bound);
    }

    private byte[] copy(int start, int length) {
        byte[] copy = new byte[length];
        int done = 0;
        while (done < length) {
            int at = start + done;
            int n = Math.min(CHUNK - (at & MASK), length - done);
            System.arraycopy(chunks[at >>> SHIFT], at & MASK, copy, done, n);
            done += n;
        }
        return copy;
    }

    /** The body from its start, for the tokenizer. */
    InputStream stream() {
        return new InputStream() {
            private int position;

            @Override
            public int read() {
                return position < length ? byteAt(position++) & 0xff : -1;
            }

            @Override
            public int read(byte[] into, int offset, int wanted) {
                if (position >= length) {
                    return -1;
                }
                int n = Math.min(Math.min(wanted, length - position), CHUNK - (position & MASK));
                System.arraycopy(chunks[position >>> SHIFT], position & MASK, into, offset, n);
                position += n;
                return n;
            }

            @Override
            public int available() {
                return length - position;
            }
        };
    }
}
