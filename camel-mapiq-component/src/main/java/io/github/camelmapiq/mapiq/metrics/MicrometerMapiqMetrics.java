package io.github.camelmapiq.mapiq.metrics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

import io.github.camelmapiq.mapiq.client.auth.TokenStatistics;
import io.github.camelmapiq.mapiq.client.http.MapiqEndpointStatistics;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.TimeGauge;

/**
 * The component's figures as Micrometer meters, read from the statistics objects when the registry is scraped (no
 * work on the call path). Meters are tagged with {@code resource}, {@code endpoint} (the URI with secrets masked) or
 * {@code route}, and {@code outcome}, {@code status} or {@code type} where a figure is split; the token meters with
 * {@code credentials}, a label of the token URL and a number. No tag or value ever holds a token, client id or secret.
 */
public final class MicrometerMapiqMetrics implements MapiqMetrics {

    private final MeterRegistry registry;
    private final String component;
    private final Map<String, List<Meter>> tokenMeters = new ConcurrentHashMap<>();

    public MicrometerMapiqMetrics(MeterRegistry registry, String component) {
        this.registry = registry;
        this.component = component;
    }

    private void bindTokens(Map<String, TokenStatistics> tokens) {
        tokens.forEach((label, stats) -> tokenMeters.computeIfAbsent(label, l -> {
            Tags tags = Tags.of("component", component, "credentials", l);
            List<Meter> meters = new ArrayList<>();
            meters.add(FunctionCounter.builder("mapiq.token.requests", stats, s -> s.requests() - s.failures())
                    .description("Token fetches").tags(tags).tag("outcome", "success").register(registry));
            meters.add(FunctionCounter.builder("mapiq.token.requests", stats, s -> s.failures())
                    .description("Token fetches").tags(tags).tag("outcome", "failure").register(registry));
            meters.add(Gauge.builder("mapiq.token.expires", stats, s -> epochSeconds(s.expiresAt()))
                    .description("When the current token expires, in seconds since the epoch").baseUnit("seconds")
                    .tags(tags).register(registry));
            meters.add(Gauge.builder("mapiq.token.obtained", stats, s -> epochSeconds(s.obtainedAt()))
                    .description("When the current token was obtained, in seconds since the epoch").baseUnit("seconds")
                    .tags(tags).register(registry));
            return meters;
        }));
    }

    @Override
    public AutoCloseable bindEndpoint(EndpointFigures endpoint) {
        MapiqEndpointStatistics stats = endpoint.statistics();
        Tags tags = Tags.of("component", component, "resource", endpoint.resource(), "endpoint", endpoint.uri());
        List<Meter> meters = new CopyOnWriteArrayList<>();
        meters.add(counter("mapiq.calls", "HTTP requests sent to Mapiq", stats, MapiqEndpointStatistics::calls, tags));
        meters.add(counter("mapiq.retries", "Attempts repeated after a transient failure", stats,
                MapiqEndpointStatistics::retries, tags));
        meters.add(counter("mapiq.rate.limit.waits", "Waits asked for by 429 Too Many Requests", stats,
                MapiqEndpointStatistics::rateLimitWaits, tags));
        meters.add(FunctionCounter.builder("mapiq.rate.limit.wait.time", stats,
                s -> s.rateLimitWaitTime().toMillis() / 1000.0).baseUnit("seconds")
                .description("Time spent in 429 waits").tags(tags).register(registry));
        meters.add(counter("mapiq.pages", "Pages of list answers read", stats, MapiqEndpointStatistics::pages, tags));
        Map<String, Meter> errorMeters = new ConcurrentHashMap<>();
        MapiqEndpointStatistics.ErrorListener onError = key -> errorMeters.computeIfAbsent(key,
                k -> counter("mapiq.errors", "Calls that failed for good", stats,
                        s -> s.errorsByStatus().getOrDefault(k, 0L), tags.and("status", k)));
        stats.errorsByStatus().keySet().forEach(onError::failed);
        stats.addErrorListener(onError);
        bindTokens(endpoint.tokens().get());
        return () -> {
            stats.removeErrorListener(onError);
            meters.forEach(registry::remove);
            errorMeters.values().forEach(registry::remove);
        };
    }

    @Override
    public AutoCloseable bindConsumer(ConsumerFigures consumer) {
        Tags tags = Tags.of("component", component, "resource", consumer.resource(), "route", consumer.route());
        List<Meter> meters = new ArrayList<>();
        for (String outcome : consumer.pollOutcomes()) {
            meters.add(counter("mapiq.polls", "Polls by how they ended", consumer, c -> c.polls(outcome),
                    tags.and("outcome", outcome)));
        }
        meters.add(TimeGauge.builder("mapiq.poll.duration", consumer, TimeUnit.MILLISECONDS,
                c -> c.lastPollDuration() == null ? 0 : c.lastPollDuration().toMillis())
                .description("How long the last poll took").tags(tags).register(registry));
        meters.add(gauge("mapiq.poll.last.end", "When the last poll ended, in seconds since the epoch",
                () -> epochSeconds(consumer.lastPollEnded()), tags));
        meters.add(gauge("mapiq.poll.next.due", "When the next poll is due, in seconds since the epoch",
                () -> epochSeconds(consumer.nextPollDue()), tags));
        meters.add(counter("mapiq.records.delivered", "Records whose exchange completed successfully", consumer,
                ConsumerFigures::recordsDelivered, tags));
        for (String type : consumer.changeTypes()) {
            meters.add(counter("mapiq.changes", "Changes delivered with changesOnly", consumer, c -> c.changes(type),
                    tags.and("type", type)));
        }
        meters.add(counter("mapiq.consumer.pages", "Pages of list answers the polls read", consumer,
                ConsumerFigures::pages, tags));
        meters.add(gauge("mapiq.state.size", "Entries the consumer's changesOnly state holds (records, or event ids)",
                consumer::stateSize, tags));
        return () -> meters.forEach(registry::remove);
    }

    @Override
    public void close() {
        tokenMeters.values().forEach(meters -> meters.forEach(registry::remove));
        tokenMeters.clear();
    }

    private <T> Meter counter(String name, String description, T stats, ToDoubleFunction<T> value, Tags tags) {
        return FunctionCounter.builder(name, stats, value).description(description).tags(tags).register(registry);
    }

    private Meter gauge(String name, String description, Supplier<Number> value, Tags tags) {
        return Gauge.builder(name, value).description(description).tags(tags).register(registry);
    }

    private static double epochSeconds(Instant instant) {
        return instant == null ? Double.NaN : instant.toEpochMilli() / 1000.0;
    }
}
