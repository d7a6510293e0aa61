package io.github.camelmapiq.mapiq;

import java.time.Duration;
import java.util.Map;

import io.github.camelmapiq.mapiq.client.auth.ClientCredentials;
import io.github.camelmapiq.mapiq.client.auth.TokenStatistics;
import io.github.camelmapiq.mapiq.client.error.Texts;
import io.github.camelmapiq.mapiq.client.http.MapiqClients;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Readiness of a {@code mapiq} component: a token can be obtained for every credential set its endpoints use, and for
 * the component's own {@code clientId}/{@code clientSecret} when set. A token still fresh is not fetched again, so the
 * check costs a token request only when a token is due anyway, and waits for it at most the component's
 * {@code callTimeout}. DOWN names the token URL and the token endpoint's
 * answer, never the secret, in its message and in the detail {@code failure.reason}; the details carry when each
 * token was obtained and expires.
 */
final class MapiqTokenHealthCheck extends AbstractHealthCheck {

    /** The detail holding why the check is DOWN (the message, for tools that show only details). */
    static final String FAILURE_REASON = "failure.reason";

    private final MapiqComponent component;

    MapiqTokenHealthCheck(MapiqComponent component, String componentName) {
        super("camel", "component:" + componentName + ":token");
        this.component = component;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        MapiqConfiguration own = component.getConfiguration();
        MapiqClients clients = component.getClients();
        try {
            if (isSet(own.getClientId()) && isSet(own.getClientSecret())
                && clients.tokenManager(MapiqClientSettings.credentials(own)) == null) {
                clients.clientFor(MapiqClientSettings.of(own, component.getCamelContext())); // the component's own credential set, unused so far
            }
        } catch (RuntimeException badOptions) {
            builder.down().message(Texts.mask(badOptions.getMessage(),
                    ClientCredentials.secretsOf(own.getClientId(), own.getClientSecret())));
            return;
        }
        Map<String, TokenStatistics> sets = clients.tokenStatistics();
        if (sets.isEmpty()) {
            builder.up().message("No Mapiq credentials in use");
            return;
        }
        StringBuilder failures = new StringBuilder();
        Duration timeout = Duration.ofMillis(Math.max(1, own.getCallTimeout()));
        clients.forEachTokenManager((label, credentials, manager) -> {
            try {
                clients.token(manager, timeout);
            } catch (Exception e) {
                failures.append(failures.isEmpty() ? "" : "; ").append("no Mapiq token for ").append(label).append(": ")
                        .append(Texts.mask(e.getMessage(), credentials.secrets()));
            }
            TokenStatistics stats = manager.statistics();
            builder.detail(label + ".token.obtained.at", String.valueOf(stats.obtainedAt()));
            builder.detail(label + ".token.expires.at", String.valueOf(stats.expiresAt()));
        });
        if (failures.isEmpty()) {
            builder.up();
        } else {
            // the message, and the same as a detail: Spring Boot Actuator shows a check's details, not its message
            builder.down().message(failures.toString()).detail(FAILURE_REASON, failures.toString());
        }
    }

    private static boolean isSet(String s) {
        return s != null && !s.isBlank();
    }
}
