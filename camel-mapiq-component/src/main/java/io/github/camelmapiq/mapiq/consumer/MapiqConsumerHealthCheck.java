package io.github.camelmapiq.mapiq.consumer;

import java.util.Map;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.support.ScheduledPollConsumerHealthCheck;

/**
 * Camel's scheduled-poll readiness (DOWN until the first poll succeeded, DOWN while polls keep failing), with the
 * reason in the message: the text of the last error, such as Mapiq refusing the client credentials. The client
 * secret is masked should any error ever quote it.
 */
final class MapiqConsumerHealthCheck extends ScheduledPollConsumerHealthCheck {

    private final String secret;

    MapiqConsumerHealthCheck(MapiqPollingConsumer consumer, String id, String secret) {
        super(consumer, id);
        this.secret = secret;
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
                .error(error);
        builder.details(result.getDetails());
        return builder.build();
    }

    private String mask(String text) {
        return secret == null || secret.isEmpty() ? text : text.replace(secret, "******");
    }
}
