package io.github.camelmapiq.simulator.control;

import com.sun.net.httpserver.HttpExchange;
import io.github.camelmapiq.simulator.http.ApiException;
import io.github.camelmapiq.simulator.http.Handler;
import io.github.camelmapiq.simulator.http.Problems;
import io.github.camelmapiq.simulator.http.Reply;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

/**
 * Lets a control-plane call through only when it carries the control token in the header {@value #HEADER}; any
 * other call is answered 401 with a problem naming the header (never repeating what was sent). The comparison takes
 * the same time whatever was sent: it compares SHA-256 digests of equal length with {@link MessageDigest#isEqual}.
 */
public final class ControlTokenGuard implements Handler {

    /** The request header that carries the control token. */
    public static final String HEADER = "X-Simulator-Control-Token";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] expected;
    private final Handler control;
    private final Problems problems;

    /** Guards {@code control} with {@code token}. */
    public ControlTokenGuard(String token, Handler control, Problems problems) {
        if (Objects.requireNonNull(token).isEmpty()) {
            throw new IllegalArgumentException("the control token must not be empty");
        }
        this.expected = digest(token);
        this.control = control;
        this.problems = problems;
    }

    /** A new random control token: 32 bytes from {@link SecureRandom}, Base64url without padding (43 characters). */
    public static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public Reply handle(HttpExchange ex, String method, String path) throws IOException, InterruptedException {
        String given = ex.getRequestHeaders().getFirst(HEADER);
        if (given == null) {
            return refuse("The control plane needs the control token in the header " + HEADER + ".");
        }
        if (!MessageDigest.isEqual(digest(given), expected)) {
            return refuse("The header " + HEADER + " does not carry the control token.");
        }
        return control.handle(ex, method, path);
    }

    private Reply refuse(String detail) {
        ApiException e = ApiException.problem(401, "Unauthorized", detail);
        e.headers.put("WWW-Authenticate", HEADER + " realm=\"mapiq-simulator control plane\"");
        return problems.reply(e);
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
