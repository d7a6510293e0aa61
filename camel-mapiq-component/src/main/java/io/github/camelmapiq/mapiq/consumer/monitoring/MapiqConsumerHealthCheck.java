package io.github.camelmapiq.mapiq.consumer.monitoring;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.camelmapiq.mapiq.client.error.Texts;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.support.ScheduledPollConsumer;
import org.apache.camel.support.ScheduledPollConsumerHealthCheck;

/**
 * Camel's scheduled-poll readiness (DOWN until the first poll succeeded, DOWN while polls keep failing), with the
 * reason in the message: the text of the last error, such as Mapiq refusing the client credentials. Should an error
 * ever quote the client secret (a gateway echoing a request, say), the secret is masked in the message, the details
 * and the attached error: that error is then a copy of the original whose messages are masked throughout its cause
 * chain, with the original class names and stack traces.
 */
public final class MapiqConsumerHealthCheck extends ScheduledPollConsumerHealthCheck {

    private static final int MAX_CAUSES = 20;

    private final String[] secrets;

    public MapiqConsumerHealthCheck(ScheduledPollConsumer consumer, String id, String[] secrets) {
        super(consumer, id);
        this.secrets = secrets;
    }

    @Override
    public Result call(Map<String, Object> options) {
        Result result = super.call(options);
        if (result.getState() != State.DOWN || result.getError().isEmpty()) {
            return result;
        }
        Throwable error = result.getError().get();
        String reason = mask(error.getMessage() != null ? error.getMessage() : error.getClass().getSimpleName());
        HealthCheckResultBuilder builder = HealthCheckResultBuilder.on(this).down()
                .message(result.getMessage().map(m -> m + ": ").orElse("") + reason)
                .error(quotesSecret(error) ? masked(error, 0) : error);
        Map<String, Object> details = new LinkedHashMap<>(result.getDetails());
        details.replaceAll((key, value) -> value instanceof String text ? mask(text) : value);
        builder.details(details);
        return builder.build();
    }

    private boolean quotesSecret(Throwable error) {
        StringWriter text = new StringWriter();
        error.printStackTrace(new PrintWriter(text));
        return !mask(text.toString()).equals(text.toString());
    }

    /** A copy of {@code error} and its causes with the secret masked in every message. */
    private Throwable masked(Throwable error, int depth) {
        Throwable cause = error.getCause();
        MaskedError copy = new MaskedError(error.getClass().getName(), mask(error.getMessage()),
                cause == null || cause == error || depth >= MAX_CAUSES ? null : masked(cause, depth + 1));
        copy.setStackTrace(error.getStackTrace());
        for (Throwable suppressed : error.getSuppressed()) {
            if (depth < MAX_CAUSES) {
                copy.addSuppressed(masked(suppressed, depth + 1));
            }
        }
        return copy;
    }

    private String mask(String text) {
        return Texts.mask(text, secrets);
    }

    /** Prints as the original would ({@code class: message}), with the message masked. */
    static final class MaskedError extends Exception {

        private final String originalClass;

        MaskedError(String originalClass, String message, Throwable cause) {
            super(message, cause);
            this.originalClass = originalClass;
        }

        /** The class name of the error this copy stands for. */
        String originalClass() {
            return originalClass;
        }

        @Override
        public String toString() {
            return getMessage() == null ? originalClass : originalClass + ": " + getMessage();
        }
    }
}
