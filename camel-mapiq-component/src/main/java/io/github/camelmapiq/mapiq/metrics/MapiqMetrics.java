package io.github.camelmapiq.mapiq.metrics;

/**
 * Publishes the component's figures as meters. {@link #NONE} unless a Micrometer {@code MeterRegistry} is in the
 * registry (see {@link MicrometerMapiqMetrics}); Micrometer is an optional dependency, so nothing here names its
 * types. The figures are read through {@link EndpointFigures} and {@link ConsumerFigures}, which the component's
 * endpoints and consumers provide: this package knows nothing of them.
 */
public interface MapiqMetrics {

    /** Publishes nothing. */
    MapiqMetrics NONE = new MapiqMetrics() {
        @Override
        public AutoCloseable bindEndpoint(EndpointFigures endpoint) {
            return () -> {
            };
        }

        @Override
        public AutoCloseable bindConsumer(ConsumerFigures consumer) {
            return () -> {
            };
        }

        @Override
        public void close() {
        }
    };

    /**
     * Publishes an endpoint's call figures until the returned handle is closed, and the token figures of every
     * credential set the component uses (again when a new one appears) until {@link #close}.
     */
    AutoCloseable bindEndpoint(EndpointFigures endpoint);

    /** Publishes a consumer's poll figures until the returned handle is closed. */
    AutoCloseable bindConsumer(ConsumerFigures consumer);

    /** Removes every meter still published. */
    void close();
}
