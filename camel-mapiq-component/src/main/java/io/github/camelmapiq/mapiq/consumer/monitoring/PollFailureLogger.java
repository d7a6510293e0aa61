package io.github.camelmapiq.mapiq.consumer.monitoring;

import java.io.IOException;
import java.sql.SQLException;

import io.github.camelmapiq.mapiq.MapiqException;
import org.apache.camel.Exchange;
import org.apache.camel.spi.ExceptionHandler;
import org.slf4j.Logger;

/**
 * Replaces Camel's default logging of a failed poll for the failures Mapiq explains itself (an API error, a refused
 * token, a connection failure, a state that cannot be written): one WARN line with the message, which already names the call, status and detail,
 * instead of a stack trace per poll during an outage. Anything else (a bug) still goes to Camel's handler with its
 * stack trace. A user-configured {@code exceptionHandler} or {@code bridgeErrorHandler} is left alone.
 */
public final class PollFailureLogger implements ExceptionHandler {

    private final ExceptionHandler fallback;
    private final Logger log;

    /** @param log where the WARN lines go: the consumer's own logger */
    public PollFailureLogger(ExceptionHandler fallback, Logger log) {
        this.fallback = fallback;
        this.log = log;
    }

    @Override
    public void handleException(Throwable exception) {
        handleException(null, null, exception);
    }

    @Override
    public void handleException(String message, Throwable exception) {
        handleException(message, null, exception);
    }

    @Override
    public void handleException(String message, Exchange exchange, Throwable exception) {
        if (exchange == null && explained(exception)) {
            log.warn("{}: {}", message != null ? message : "Polling Mapiq failed", exception.getMessage());
        } else {
            fallback.handleException(message, exchange, exception);
        }
    }

    private static boolean explained(Throwable e) {
        return e instanceof MapiqException || e instanceof IOException || e instanceof SQLException;
    }
}
