package io.github.camelmapiq.mapiq;

import io.github.camelmapiq.mapiq.consumer.MonitoredPollingConsumer;

/**
 * Publishes the component's figures as meters. {@link #NONE} unless a Micrometer {@code MeterRegistry} is in the
 * registry (see {@link io.github.camelmapiq.mapiq.metrics.MicrometerMapiqMetrics}); Micrometer is an optional
 * dependency, so nothing here names its types.
 */
public interface MapiqMetrics {

    /** Publishes nothing. */
    MapiqMetrics NONE = new MapiqMetrics() {
        @Override
        public void bindTokens(MapiqComponent component) {
        }

        @Override
        public AutoCloseable bindEndpoint(MapiqEndpoint endpoint) {
            return () -> {
            };
        }

        @Override
        public AutoCloseable bindConsumer(MonitoredPollingConsumer consumer) {
            return () -> {
            };
        }

        @Override
        public void close() {
        }
    };

    /** Publishes the token figures of every credential set the component uses (again when a new one appears). */
    void bindTokens(MapiqComponent component);

    /** Publishes an endpoint's call figures until the returned handle is closed. */
    AutoCloseable bindEndpoint(MapiqEndpoint endpoint);

    /** Publishes a consumer's poll figures until the returned handle is closed. */
    AutoCloseable bindConsumer(MonitoredPollingConsumer consumer);

    /** Removes every meter still published. */
    void close();
}
