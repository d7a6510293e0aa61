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
        refuseUserInfo("tokenUrl", tokenUrl);
        refuseUserInfo("baseUrl", baseUrl);
        if (allowInsecureHttp) {
            return;
        }
        check("tokenUrl", tokenUrl);
        check("baseUrl", baseUrl);
    }

    /**
     * A URL with {@code user:password@} would put a credential wherever the URL is shown or logged, and on every
     * request: refused whatever the scheme. Credentials belong in {@code clientId}/{@code clientSecret} (and
     * {@code proxyUsername}/{@code proxyPassword}), which are masked.
     */
    private static void refuseUserInfo(String option, String url) {
        if (url == null || url.isBlank()) {
            return;
        }
        try {
            if (new URI(url.strip()).getRawUserInfo() != null) {
                throw new IllegalArgumentException("Mapiq option " + option + " must not carry user information ("
                                                   + "user:password@): it would be sent and shown with the URL. "
                                                   + "Give the credentials as clientId and clientSecret instead");
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Mapiq option " + option + " is not a valid URL: " + e.getReason(), e);
        }
    }

    private static void check(String option, String url) {
        if (url == null || url.isBlank()) {
            return; // reported as missing elsewhere
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Mapiq option " + option + " is not a valid URL: " + e.getReason(), e);
        }
        if (!"http".equalsIgnoreCase(uri.getScheme()) || isLoopback(uri.getHost())) {
            return;
        }
        throw new IllegalArgumentException(
                "Mapiq option " + option + " is plain HTTP to " + uri.getHost() + ", which is not this machine (or not "
                                           + "only this machine): the "
                                           + "client secret and access tokens would cross the network unencrypted. "
                                           + "Use https://, or set allowInsecureHttp=true if the connection is "
                                           + "protected otherwise (for example by a TLS-terminating sidecar).");
    }

    /**
     * Loopback by name or address literal. {@code localhost} is; a {@code *.localhost} name only when every address it
     * resolves to is loopback (RFC 6761 asks resolvers to make it so, but a hosts file or DNS may not); other names
     * are not resolved, and are not loopback.
     */
    static boolean isLoopback(String host) {
        if (host == null || host.isEmpty()) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        if (h.equals("localhost")) {
            return true;
        }
        if (h.endsWith(".localhost")) {
            return resolvesToLoopbackOnly(h);
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

    private static boolean resolvesToLoopbackOnly(String name) {
        try {
            InetAddress[] addresses = InetAddress.getAllByName(name);
            return addresses.length > 0 && java.util.Arrays.stream(addresses).allMatch(InetAddress::isLoopbackAddress);
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
