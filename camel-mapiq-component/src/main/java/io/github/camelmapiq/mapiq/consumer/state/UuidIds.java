package io.github.camelmapiq.mapiq.consumer.state;

import java.util.UUID;

/**
 * Record ids that are UUIDs in canonical lowercase form, as two longs: the snapshot index and its stored state keep
 * them so, instead of 36-character strings.
 */
public final class UuidIds {

    private UuidIds() {
    }

    /** The 128-bit key of an id: a canonical UUID's own bits ({@link #bits}), else its text's 128-bit hash. */
    public static long[] key(String id) {
        long[] uuid = bits(id);
        return uuid != null ? uuid : textKey(id);
    }

    /** The 128-bit hash of an id's text, the key of an id that is no canonical UUID. */
    public static long[] textKey(String id) {
        RecordFingerprint hash = RecordFingerprint.ofText(id);
        return new long[] { hash.high(), hash.low() };
    }

    /** The bits of a UUID in canonical lowercase form (what {@link #text} gives back), else null. */
    public static long[] bits(String id) {
        if (id.length() != 36 || id.charAt(8) != '-' || id.charAt(13) != '-' || id.charAt(18) != '-'
            || id.charAt(23) != '-') {
            return null;
        }
        long high = 0;
        long low = 0;
        int digits = 0;
        for (int i = 0; i < 36; i++) {
            char c = id.charAt(i);
            if (c == '-') {
                if (i != 8 && i != 13 && i != 18 && i != 23) {
                    return null;
                }
                continue;
            }
            int v = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
            if (v < 0) {
                return null;
            }
            if (digits < 16) {
                high = high << 4 | v;
            } else {
                low = low << 4 | v;
            }
            digits++;
        }
        return new long[] { high, low };
    }

    /** The canonical lowercase text of a UUID. */
    public static String text(long high, long low) {
        return new UUID(high, low).toString();
    }
}
