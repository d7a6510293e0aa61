package io.github.camelmapiq.simulator.api;

import io.github.camelmapiq.simulator.data.Model.Dated;
import io.github.camelmapiq.simulator.data.Model.Rec;
import io.github.camelmapiq.simulator.data.Tables;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Opaque continuation tokens: base64 of a fingerprint of the query plus the position of the last record answered, so
 * a token only continues the query it came from.
 */
final class ContinuationTokens {

    private ContinuationTokens() {
    }

    /** FNV-1a of the query's identity (resource, days, filters). */
    static String fingerprint(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        return Long.toHexString(h);
    }

    /** The token continuing after {@code last}. */
    static String after(String fingerprint, Rec last) {
        Tables.Cursor c = last instanceof Dated d ? new Tables.Cursor(d.day(), d.sortTime(), d.id())
                : new Tables.Cursor(0, 0, last.id());
        String raw = fingerprint + "." + c.day() + "." + c.time() + "." + c.id();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** The position a token continues from, or {@code null} when it is malformed or belongs to another query. */
    static Tables.Cursor decode(String token, String fingerprint) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            String[] p = raw.split("\\.", 4);
            if (p.length != 4 || !p[0].equals(fingerprint)) {
                return null;
            }
            return new Tables.Cursor(Long.parseLong(p[1]), Long.parseLong(p[2]), p[3]);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
