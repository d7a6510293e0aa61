package io.github.camelmapiq.mapiq.consumer;

import java.time.Clock;
import java.util.List;

import io.github.camelmapiq.mapiq.http.ListQuery;
import io.github.camelmapiq.mapiq.http.MapiqHttpClient;

/**
 * Decides what a poll delivers and remembers what was delivered. A poll {@linkplain #collect collects} the changes,
 * each exchange reports {@linkplain #delivered delivered} or {@linkplain #notDelivered not}, and when all exchanges
 * of the poll have completed {@link #pollFinished} stores the state. Only delivered changes advance the state, so
 * whatever was not delivered (a failed exchange, a record beyond {@code maxMessagesPerPoll}) is found again by the
 * next poll. Calls for one poll never overlap those of the next.
 */
interface ChangeTracker {

    /** Reads the stored state; called when the consumer starts. */
    void load() throws Exception;

    /**
     * Lists the resource and returns what to deliver now, at most {@code max} changes when {@code max > 0}. Nothing is
     * returned unless the whole listing succeeded, so a failed page never looks like deleted records.
     */
    List<Change> collect(ListQuery query, MapiqHttpClient client, Clock clock, int max) throws Exception;

    /**
     * Whether the last {@link #collect} left changes out because of {@code max}, so that the next poll has more to
     * deliver at once (what {@code greedy} polling waits for).
     */
    boolean deferredChanges();

    /** The exchange carrying {@code change} completed successfully. May be called from another thread. */
    void delivered(Change change);

    /** The exchange carrying {@code change} failed or was not sent; it must come again. */
    void notDelivered(Change change);

    /** Every exchange of the poll has completed: store the state. */
    void pollFinished() throws Exception;
}
