package io.github.camelmapiq.mapiq.client.error;

/** Text shortened, and secrets masked, for error messages. */
public final class Texts {

    private Texts() {
    }

    /** What a masked secret reads as. */
    public static final String MASK = "******";

    /**
     * Secrets shorter than this are not masked: masking a test's one-letter token would garble every message
     * (each "t" masked), and no real credential is that short.
     */
    static final int SHORTEST_MASKED = 4;

    /**
     * {@code text} with every occurrence of each secret (the client secret, a bearer token) replaced by
     * {@value #MASK}; {@code null} secrets and those shorter than {@value #SHORTEST_MASKED} characters are skipped, a
     * {@code null} text stays {@code null}.
     */
    public static String mask(String text, String... secrets) {
        if (text == null) {
            return null;
        }
        String masked = text;
        for (String secret : secrets) {
            if (secret != null && secret.length() >= SHORTEST_MASKED) {
                masked = masked.replace(secret, MASK);
            }
        }
        return masked;
    }

    /** {@code text} on one line (runs of white space as one space), cut at {@code max} characters with "...". */
    public static String abbreviate(String text, int max) {
        String oneLine = text.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= max ? oneLine : oneLine.substring(0, max) + "...";
    }
}
