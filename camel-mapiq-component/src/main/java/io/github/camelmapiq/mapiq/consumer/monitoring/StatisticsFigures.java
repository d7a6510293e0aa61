package io.github.camelmapiq.mapiq.consumer.monitoring;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import io.github.camelmapiq.mapiq.MapiqChangeType;
import io.github.camelmapiq.mapiq.metrics.ConsumerFigures;

/** A consumer's {@link ConsumerStatistics} and state as the meters read them. */
final class StatisticsFigures implements ConsumerFigures {

    private static final List<String> OUTCOMES = names(ConsumerStatistics.Outcome.values());
    private static final List<String> CHANGE_TYPES = names(MapiqChangeType.values());

    private final MonitoredPollingConsumer consumer;
    private final ConsumerStatistics statistics;

    StatisticsFigures(MonitoredPollingConsumer consumer) {
        this.consumer = consumer;
        this.statistics = consumer.getStatistics();
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(value -> value.name().toLowerCase(Locale.ROOT)).toList();
    }

    @Override
    public String resource() {
        return consumer.getEndpoint().getResource().uriName();
    }

    @Override
    public String route() {
        return consumer.getRouteId() == null ? "" : consumer.getRouteId();
    }

    @Override
    public List<String> pollOutcomes() {
        return OUTCOMES;
    }

    @Override
    public long polls(String outcome) {
        return statistics.polls(ConsumerStatistics.Outcome.valueOf(outcome.toUpperCase(Locale.ROOT)));
    }

    @Override
    public Duration lastPollDuration() {
        return statistics.lastPollDuration();
    }

    @Override
    public Instant lastPollEnded() {
        return statistics.lastPollEndedAt();
    }

    @Override
    public Instant nextPollDue() {
        return consumer.nextPollDue();
    }

    @Override
    public long recordsDelivered() {
        return statistics.recordsDelivered();
    }

    @Override
    public List<String> changeTypes() {
        return CHANGE_TYPES;
    }

    @Override
    public long changes(String type) {
        return statistics.changes(MapiqChangeType.valueOf(type.toUpperCase(Locale.ROOT)));
    }

    @Override
    public long pages() {
        return statistics.pages();
    }

    @Override
    public long stateSize() {
        return consumer.getStateSize();
    }
}
