package io.github.camelmapiq.mapiq.client.error;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

/** Text for error messages, logs and operators' views: secrets masked, server text on one short line, URLs shown bare. */
public final class Texts {

    private Texts() {
    }

    /** What a masked secret reads as. */
    public static final String MASK = "******";

    /** How much of a server's text a message quotes. */
    public static final int QUOTED = 300;

    /**
     * Secrets shorter than this are not masked: masking a test's one-letter token would garble every message
     * (each "t" masked), and no real credential is that short.
     */
    static final int SHORTEST_MASKED = 4;

    /** A run that may be Base64 (standard or URL-safe alphabet): HTTP Basic credentials quote the secret so. */
    private static final Pattern BASE64_RUN = Pattern.compile("[A-Za-z0-9+/_-]{8,}={0,2}");

    /**
     * {@code text} with each secret (the client secret, a bearer token) replaced by {@value #MASK} in every form a
     * server may quote it in: as it is, form- or URL-encoded ({@code +} or {@code %20} for a space, {@code ~} or
     * {@code %7E}, upper- or lower-case hex), JSON-escaped (with or without {@code \/}, non-ASCII as {@code \\u}
     * escapes), and Base64 (alone, or inside HTTP Basic credentials {@code id:secret}). {@code null} secrets and those
     * shorter than {@value #SHORTEST_MASKED} characters are skipped, a {@code null} text stays {@code null}.
     */
    public static String mask(String text, String... secrets) {
        if (text == null) {
            return null;
        }
        List<String> raw = new ArrayList<>(secrets.length);
        Set<String> forms = new LinkedHashSet<>();
        for (String secret : secrets) {
            if (secret != null && secret.length() >= SHORTEST_MASKED) {
                raw.add(secret);
                forms.addAll(formsOf(secret));
            }
        }
        if (raw.isEmpty()) {
            return text;
        }
        List<String> longestFirst = new ArrayList<>(forms);
        longestFirst.sort(Comparator.comparingInt(String::length).reversed());
        String masked = text;
        for (String form : longestFirst) {
            masked = masked.replace(form, MASK);
        }
        return maskBase64(masked, raw);
    }

    private static Set<String> formsOf(String secret) {
        Set<String> forms = new LinkedHashSet<>();
        forms.add(secret);
        String form = URLEncoder.encode(secret, StandardCharsets.UTF_8);
        for (String encoded : List.of(form, form.replace("%7E", "~"), form.replace("+", "%20"),
                form.replace("+", "%20").replace("%7E", "~"))) {
            forms.add(encoded);
            forms.add(lowerHex(encoded));
        }
        String json = new String(JsonStringEncoder.getInstance().quoteAsString(secret));
        forms.add(json);
        forms.add(json.replace("/", "\\/"));
        StringBuilder ascii = new StringBuilder();
        for (char c : json.toCharArray()) {
            if (c < 0x80) {
                ascii.append(c);
            } else {
                ascii.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            }
        }
        forms.add(ascii.toString());
        forms.add(upperUnicodeEscapes(ascii.toString()));
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        String base64 = Base64.getEncoder().encodeToString(bytes);
        forms.add(base64);
        forms.add(Base64.getUrlEncoder().encodeToString(bytes));
        forms.add(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
        return forms;
    }

    private static String lowerHex(String encoded) {
        Matcher escape = Pattern.compile("%[0-9A-F]{2}").matcher(encoded);
        StringBuilder out = new StringBuilder();
        while (escape.find()) {
            escape.appendReplacement(out, escape.group().toLowerCase(Locale.ROOT));
        }
        return escape.appendTail(out).toString();
    }

    private static String upperUnicodeEscapes(String escaped) {
        Matcher escape = Pattern.compile("\\\\u([0-9a-f]{4})").matcher(escaped);
        StringBuilder out = new StringBuilder();
        while (escape.find()) {
            escape.appendReplacement(out, Matcher.quoteReplacement("\\u" + escape.group(1).toUpperCase(Locale.ROOT)));
        }
        return escape.appendTail(out).toString();
    }

    /** Masks each Base64 run whose decoded text holds a secret ({@code Basic aWQ6c2VjcmV0} holds {@code id:secret}). */
    private static String maskBase64(String text, List<String> secrets) {
        Matcher run = BASE64_RUN.matcher(text);
        StringBuilder out = null;
        int copied = 0;
        while (run.find()) {
            String decoded = decode(run.group());
            if (decoded != null && secrets.stream().anyMatch(decoded::contains)) {
                if (out == null) {
                    out = new StringBuilder(text.length());
                }
                out.append(text, copied, run.start()).append(MASK);
                copied = run.end();
            }
        }
        return out == null ? text : out.append(text, copied, text.length()).toString();
    }

    private static String decode(String run) {
        String unpadded = run.replace("=", "");
        try {
            byte[] bytes = unpadded.indexOf('-') >= 0 || unpadded.indexOf('_') >= 0
                    ? Base64.getUrlDecoder().decode(unpadded)
                    : Base64.getDecoder().decode(pad(unpadded));
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }

    private static String pad(String unpadded) {
        int rest = unpadded.length() % 4;
        return rest == 2 ? unpadded + "==" : rest == 3 ? unpadded + "=" : unpadded;
    }

    /** {@code text} on one line (runs of white space as one space), cut at {@code max} characters with "...". */
    public static String abbreviate(String text, int max) {
        String oneLine = text.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= max ? oneLine : oneLine.substring(0, max) + "...";
    }

    /**
     * A server's text as a message may quote it: on one line, every control character (line breaks, tabs, escape
     * sequences, Unicode line separators and direction overrides) written as a {@code \\uXXXX} escape, cut after
     * {@code max} characters with a marker that says how much was left out. A server's text is data: it must never
     * forge a log line or a terminal sequence.
     */
    public static String quote(String text, int max) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), max) + 16);
        int i = 0;
        for (; i < text.length() && out.length() < max; i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c == '\t') {
                out.append("\\t");
            } else if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029'
                       || c >= '\u202A' && c <= '\u202E' || c >= '\u2066' && c <= '\u2069') {
                out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        if (i < text.length()) {
            out.append("... [").append(text.length() - i).append(" more characters]");
        }
        return out.toString();
    }

    /**
     * Where a redirect's {@code Location} points, as a message may say it: the scheme, host and port of an absolute
     * URL, never its path or query; "a path of the same host" for a relative one.
     */
    public static String origin(String location) {
        try {
            URI uri = new URI(location.strip());
            if (uri.getRawAuthority() == null) {
                return "a path of the same host";
            }
            return (uri.getScheme() == null ? "" : uri.getScheme() + "://")
                   + (uri.getHost() != null ? uri.getHost() : "<invalid host>")
                   + (uri.getPort() >= 0 ? ":" + uri.getPort() : "");
        } catch (URISyntaxException e) {
            return "<invalid URL>";
        }
    }

    /**
     * A URL as operators may see it: scheme, host, port and path, never user information, a query or a fragment
     * (either may carry a credential). Text that is no URL is shown as {@code <invalid URL>}.
     */
    public static String url(String url) {
        if (url == null) {
            return null;
        }
        try {
            URI uri = new URI(url.strip());
            if (uri.getScheme() == null || uri.getRawAuthority() == null) {
                return uri.getRawPath() == null ? "<invalid URL>" : uri.getRawPath();
            }
            String host = uri.getHost() != null ? uri.getHost() : "<invalid host>";
            return uri.getScheme() + "://" + host + (uri.getPort() >= 0 ? ":" + uri.getPort() : "")
                   + (uri.getRawPath() == null ? "" : uri.getRawPath());
        } catch (URISyntaxException e) {
            return "<invalid URL>";
        }
    }
}
