package io.github.camelmapiq.mapiq.client.http;

import java.io.IOException;
import java.time.Duration;

import io.github.camelmapiq.mapiq.client.auth.AccessToken;
import io.github.camelmapiq.mapiq.client.auth.TokenRequestScope;
import io.github.camelmapiq.mapiq.client.auth.TokenSource;
import io.github.camelmapiq.mapiq.client.error.MapiqAuthenticationException;
import io.github.camelmapiq.mapiq.client.error.MapiqConnectionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Repeats a token request that failed for a transient reason (connection failure, 5xx, 429) under the same
 * {@link RetryPolicy} as API reads, so a token endpoint hiccup does not fail the calls waiting for the token. Refusals
 * (4xx such as {@code invalid_client}) and redirects fail at once. The waits end at the deadline of the call that
 * needs the token, and when Camel stops.
 */
final class RetryingTokenSource implements TokenSource {

    private static final Logger LOG = LoggerFactory.getLogger(RetryingTokenSource.class);

    private final TokenSource source;
    private final RetryPolicy retry;
    private final CallAbort abort;

    RetryingTokenSource(TokenSource source, RetryPolicy retry, CallAbort abort) {
        this.source = source;
        this.retry = retry;
        this.abort = abort;
    }

    @Override
    public AccessToken requestToken(TokenRequestScope scope) throws Exception {
        // a token asked for outside any call still ends its waits when Camel stops
        TokenRequestScope within = scope == TokenRequestScope.UNBOUNDED
                ? new CallScope("token request", Duration.ZERO, abort) : scope;
        for (int attempt = 1;; attempt++) {
            try {
                return source.requestToken(within);
            } catch (MapiqAuthenticationException e) {
                if (!retry.isRetriable(CallKind.READ, e.getStatus(), false) || attempt >= retry.maxAttempts()) {
                    throw e;
                }
                pause(within, attempt, "HTTP " + e.getStatus());
            } catch (IOException e) {
                if (!retry.isRetriable(CallKind.READ, e) || attempt >= retry.maxAttempts()) {
                    throw new MapiqConnectionException("Mapiq token request failed after " + attempt
                                                       + (attempt == 1 ? " attempt: " : " attempts: ") + e.getMessage(),
                            e);
                }
                pause(within, attempt, e.getClass().getSimpleName());
            }
        }
    }

    private void pause(TokenRequestScope scope, int attempt, String cause) throws Exception {
        Duration wait = retry.backoff(attempt);
        if (wait.toMillis() >= 1000) {
            LOG.info("Token request -> {} (attempt {}/{}), retrying in {} ms", cause, attempt, retry.maxAttempts(),
                    wait.toMillis());
        } else {
            LOG.debug("Token request -> {} (attempt {}/{}), retrying in {} ms", cause, attempt, retry.maxAttempts(),
                    wait.toMillis());
        }
        scope.pause(wait);
    }
}
