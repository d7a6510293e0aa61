package io.github.camelmapiq.mapiq.client.http;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;


/**
 * Refuses plain {@code http://} to another machine: the token request carries the client secret and every API call a
 * bearer token, which anyone on the network path could read. Loopback ({@code localhost}, {@code 127.0.0.0/8},
 * {@code ::1}) stays allowed for local simulators and sidecars; anything else needs {@code allowInsecureHttp=true}.
 */
public final class TransportSecurity {

    private TransportSecurity() {
    }

    /**
     * Checks {@code tokenUrl} and {@code baseUrl}, unless {@code allowInsecureHttp}.
     *
     * @throws IllegalArgumentException naming the option whose URL is plain HTTP to a host that is not loopback
     */
    public static void check(boolean allowInsecureHttp, String tokenUrl, String baseUrl) {
        if (allowInsecureHttp) {
            return;
        }
        check("tokenUrl", tokenUrl);
        check("baseUrl", baseUrl);
    }

    private static void check(String option, String url) {
        if (url == null || url.isBlank()) {
            return; // reported as missing elsewhere
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Mapiq option " + option + " is not a valid URL: " + e.getMessage(), e);
        }
        if (!"http".equalsIgnoreCase(uri.getScheme()) || isLoopback(uri.getHost())) {
            return;
        }
        throw new IllegalArgumentException(
                "Mapiq option " + option + " is plain HTTP to " + uri.getHost() + ", which is not this machine: the "
                                           + "client secret and access tokens would cross the network unencrypted. "
                                           + "Use https://, or set allowInsecureHttp=true if the connection is "
                                           + "protected otherwise (for example by a TLS-terminating sidecar).");
    }

    /** Loopback by name or address literal; host names other than {@code localhost} are not resolved. */
    static boolean isLoopback(String host) {
        if (host == null || host.isEmpty()) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        if (h.equals("localhost") || h.endsWith(".localhost")) {
            return true;
        }
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        boolean literal = h.contains(":") || h.chars().allMatch(c -> c == '.' || Character.isDigit(c));
        if (!literal) {
            return false;
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress(); // a literal: no name lookup
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
