package io.github.camelmapiq.simulator.api;

/** The built-in client applications, the v1 credentials and the token paths (republished by {@code MapiqSimulator}). */
public final class Credentials {

    public static final String DEMO_CLIENT_ID = "demo-client";
    public static final String DEMO_CLIENT_SECRET = "demo-secret";
    public static final String READONLY_CLIENT_ID = "readonly-client";
    public static final String READONLY_CLIENT_SECRET = "readonly-secret";
    /** The only scope the v2 token endpoint accepts. */
    public static final String SCOPE = "https://api.mapiq.com/public/.default";

    public static final String V1_API_KEY = "demo-api-key";
    public static final String V1_CLIENT_ID = "demo-v1-client";
    public static final String V1_USERNAME = "api-user@example.com";
    public static final String V1_PASSWORD = "demo-password";
    public static final String V1_SCOPE_SHIFTS = "https://mapiqprod.onmicrosoft.com/api/shifts/Default";
    public static final String V1_SCOPE = "openid " + V1_SCOPE_SHIFTS;
    public static final String V1_RESPONSE_TYPE = "token id_token";

    public static final String TOKEN_PATH = "/api/public/oauth2/token";
    public static final String V1_TOKEN_PATH = "/auth/token";

    private Credentials() {
    }

    public static boolean isTokenPath(String path) {
        return path.equals(TOKEN_PATH) || path.equals(V1_TOKEN_PATH);
    }
}
