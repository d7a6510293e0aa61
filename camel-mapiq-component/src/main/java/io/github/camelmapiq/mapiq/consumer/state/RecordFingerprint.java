package io.github.camelmapiq.mapiq.consumer.state;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * A 128-bit digest of a record as Mapiq sent it. Snapshot change detection keeps this instead of the record to tell
 * "changed" from "unchanged"; at 128 bits a missed change by collision is practically impossible (about 1 in 10^38 per
 * change). It hashes the record's bytes on the wire with MurmurHash3 (x64, 128-bit) mixing, eight bytes at a time,
 * without parsing them: Mapiq writes a record the same way every time, so equal records have equal bytes (a change of
 * formatting alone would count as one update).
 */
public record RecordFingerprint(long high, long low) {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /** The digest of {@code length} bytes of {@code bytes} from {@code offset}. */
    public static RecordFingerprint of(byte[] bytes, int offset, int length) {
        Murmur128 hash = new Murmur128();
        hash.put(length);
        int end = offset + length;
        int i = offset;
        for (; i + Long.BYTES <= end; i += Long.BYTES) {
            hash.put((long) LONGS.get(bytes, i));
        }
        if (i < end) {
            long last = 0;
            for (int shift = 0; i < end; i++, shift += 8) {
                last |= (bytes[i] & 0xffL) << shift;
            }
            hash.put(last);
        }
        hash.finish();
        return new RecordFingerprint(hash.h1, hash.h2);
    }

    /** The digest of a text (an id that is not a UUID). */
    public static RecordFingerprint ofText(String text) {
        Murmur128 hash = new Murmur128();
        hash.putText(text).finish();
        return new RecordFingerprint(hash.h1, hash.h2);
    }

    /**
     * MurmurHash3 x64 128 over a stream of 64-bit words (strings enter as their UTF-16 code units, four per word,
     * preceded by their length so that adjacent strings cannot run together).
     */
    static final class Murmur128 {
        private static final long C1 = 0x87c37b91114253d5L;
        private static final long C2 = 0x4cf5ad432745937fL;

        long h1;
        long h2;
        private long pending;
        private boolean hasPending;
        private long words;

        void reset() {
            h1 = 0;
            h2 = 0;
            pending = 0;
            hasPending = false;
            words = 0;
        }

        Murmur128 put(long word) {
            words++;
            if (!hasPending) {
                pending = word;
                hasPending = true;
                return this;
            }
            hasPending = false;
            long k1 = pending;
            long k2 = word;
            h1 ^= mixK1(k1);
            h1 = Long.rotateLeft(h1, 27) + h2;
            h1 = h1 * 5 + 0x52dce729;
            h2 ^= mixK2(k2);
            h2 = Long.rotateLeft(h2, 31) + h1;
            h2 = h2 * 5 + 0x38495ab5;
            return this;
        }

        Murmur128 putText(String text) {
            int length = text.length();
            put(length);
            int i = 0;
            for (; i + 4 <= length; i += 4) {
                put((long) text.charAt(i) | (long) text.charAt(i + 1) << 16 | (long) text.charAt(i + 2) << 32
                    | (long) text.charAt(i + 3) << 48);
            }
            if (i < length) {
                long last = 0;
                for (int shift = 0; i < length; i++, shift += 16) {
                    last |= (long) text.charAt(i) << shift;
                }
                put(last);
            }
            return this;
        }

        void finish() {
            if (hasPending) {
                h1 ^= mixK1(pending);
                hasPending = false;
            }
            h1 ^= words * Long.BYTES;
            h2 ^= words * Long.BYTES;
            h1 += h2;
            h2 += h1;
            h1 = fmix(h1);
            h2 = fmix(h2);
            h1 += h2;
            h2 += h1;
        }

        private static long mixK1(long k1) {
            return Long.rotateLeft(k1 * C1, 31) * C2;
        }

        private static long mixK2(long k2) {
            return Long.rotateLeft(k2 * C2, 33) * C1;
        }

        private static long fmix(long k) {
            k ^= k >>> 33;
            k *= 0xff51afd7ed558ccdL;
            k ^= k >>> 33;
            k *= 0xc4ceb53fe6cc1a87L;
            k ^= k >>> 33;
            return k;
        }
    }
}
