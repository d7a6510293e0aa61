package io.github.camelmapiq.mapiq.client.error;

/** Text shortened for error messages. */
public final class Texts {

    private Texts() {
    }

    /** {@code text} on one line (runs of white space as one space), cut at {@code max} characters with "...". */
    public static String abbreviate(String text, int max) {
        String oneLine = text.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= max ? oneLine : oneLine.substring(0, max) + "...";
    }
}
