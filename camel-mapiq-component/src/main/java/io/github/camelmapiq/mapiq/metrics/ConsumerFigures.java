package io.github.camelmapiq.mapiq.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What the meters read of one consumer, each time the registry is scraped: its polls, deliveries and state. The
 * consumer provides it; the names of outcomes and change types are the tags' values.
 */
public interface ConsumerFigures {

    /** The resource's name in the URI ({@code users}). */
    String resource();

    /** The consumer's route, or {@code ""} outside a route. */
    String route();

    /** How a poll can end, in lower case ({@code success}, ...). */
    List<String> pollOutcomes();

    /** Polls that ended with {@code outcome}, one of {@link #pollOutcomes}. */
    long polls(String outcome);

    /** How long the last poll took, or {@code null} before the first ended. */
    Duration lastPollDuration();

    /** When the last poll ended, or {@code null}. */
    Instant lastPollEnded();

    /** When the next poll is due, or {@code null} when that is not known. */
    Instant nextPollDue();

    /** Records whose exchange completed successfully. */
    long recordsDelivered();

    /** The change types delivered with {@code changesOnly}, in lower case ({@code created}, ...). */
    List<String> changeTypes();

    /** Changes delivered of {@code type}, one of {@link #changeTypes}. */
    long changes(String type);

    /** Pages of list answers the polls read. */
    long pages();

    /** Entries the consumer's {@code changesOnly} state holds. */
    long stateSize();
}
