package io.github.camelmapiq.mapiq.consumer.change;

import java.time.Clock;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Executor;

import io.github.camelmapiq.mapiq.client.http.ListedRecord;
import io.github.camelmapiq.mapiq.client.http.Listing;
import io.github.camelmapiq.mapiq.client.http.MapiqHttpClient;
import io.github.camelmapiq.mapiq.client.query.ListQuery;

/**
 * Decides what a poll delivers and remembers what was delivered, record by record as the listing is read. A poll
 * {@linkplain #open opens} the listing, hands each record to {@link #found} (which answers the change to deliver now,
 * if any), and once the listing is complete asks for the changes only a complete listing shows
 * ({@link #afterCompleteListing}: deletions). Each exchange reports {@linkplain #delivered delivered} or
 * {@linkplain #notDelivered not}, and when all exchanges of the poll have completed {@link #pollFinished} stores the
 * state. Only delivered changes advance the state, so whatever was not delivered (a failed exchange, a record beyond
 * {@code maxMessagesPerPoll}) is found again by the next poll. Calls for one poll never overlap those of the next.
 */
public interface ChangeTracker {

    /**
     * Reads the stored state; called when the consumer starts.
     *
     * @throws io.github.camelmapiq.mapiq.consumer.state.DamagedStateException when it cannot be read
     */
    void load() throws Exception;

    /** Forgets the stored state (option {@code damagedState=restart}) and loads the empty state. */
    default void startOver() throws Exception {
        load();
    }

    /** Starts a poll that delivers at most {@code max} changes when {@code max > 0}: opens its listing. */
    Listing open(ListQuery query, MapiqHttpClient client, Clock clock, Executor prefetch, int max);

    /**
     * Whether every listed record is delivered (no change detection), so that binding each record as its page is read
     * wastes nothing.
     */
    default boolean deliversEveryRecord() {
        return false;
    }

    /**
     * Readies a page before any of its records is {@linkplain #found found}: the snapshot tracker looks the page's
     * records up in its store, in one batch, and marks the new ones there ({@link WriteAheadMarks}). With
     * {@link #pagesAhead}, this runs on another thread while the page before is delivered; it never runs for two
     * pages at once, and a page is readied only after the one before it.
     */
    default PreparedPage prepare(List<ListedRecord> page) throws Exception {
        return PreparedPage.of(page);
    }

    /**
     * How many pages the poll opened last may read ahead of the page being delivered: 1 to read and ready the next page
     * meanwhile, 2 to read the page after it too while the next one is readied. 0 when {@code maxMessagesPerPoll} can
     * end the poll early, as a page read ahead would be read for nothing.
     */
    default int pagesAhead() {
        return 0;
    }

    /** The page {@link #prepare} readied is delivered now: {@link #found} follows for its records. */
    default void pageArrived(PreparedPage page) {
    }

    /** A listed record: the change to deliver now, or {@code null}. */
    Change found(ListedRecord record);

    /** Whether the rest of the listing still matters to this poll ({@code false} once {@code max} is reached). */
    boolean wantsMore();

    /** The listing was read to its end: the changes only a complete listing shows (deletions), made one by one. */
    Iterator<Change> afterCompleteListing() throws Exception;

    /**
     * Whether the last poll left changes out because of {@code max}, so that the next poll has more to deliver at once
     * (what {@code greedy} polling waits for).
     */
    boolean deferredChanges();

    /** The exchange carrying {@code change} completed successfully. May be called from another thread. */
    void delivered(Change change);

    /** The exchange carrying {@code change} failed or was not sent; it must come again. */
    void notDelivered(Change change);

    /** Every exchange of the poll has completed: store the state. */
    void pollFinished() throws Exception;

    /**
     * Records whose state this tracker holds in the heap now: between polls the whole state with an in-heap index, none
     * with a store that looks records up (and during a poll, what that poll holds for a while).
     */
    default long recordsInMemory() {
        return 0;
    }

    /**
     * Entries the state holds, wherever it is kept: the records of a snapshot, the event ids kept near the check-in
     * cursor. Read for monitoring, from any thread.
     */
    default long stateSize() {
        return 0;
    }

    /** The check-in events cursor (the newest delivered event's timestamp), or {@code null}. */
    default String cursorPosition() {
        return null;
    }
}
