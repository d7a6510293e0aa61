package io.github.camelmapiq.mapiq.consumer.change;

import java.time.Clock;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;
import java.util.concurrent.Executor;

import io.github.camelmapiq.mapiq.MapiqResource;
import io.github.camelmapiq.mapiq.client.http.ListedRecord;
import io.github.camelmapiq.mapiq.client.http.Listing;
import io.github.camelmapiq.mapiq.client.http.MapiqHttpClient;
import io.github.camelmapiq.mapiq.client.query.ListQuery;

/**
 * Without {@code changesOnly}, every poll delivers the whole listing as it is read. When {@code maxMessagesPerPoll}
 * cuts a listing short, the poll stops reading and the following polls continue where it stopped: the ids delivered
 * in the current round are remembered (in memory) and skipped until every record of the listing has been delivered
 * once, then a new round begins.
 */
final class EveryRecordTracker implements ChangeTracker {

    private final MapiqResource resource;
    private final Set<String> deliveredInRound = new HashSet<>();
    private PollBudget budget = new PollBudget(0);
    private boolean deferred;
    private boolean completeListing;
    private int deliveredInPoll;

    EveryRecordTracker(MapiqResource resource) {
        this.resource = resource;
    }

    @Override
    public void load() {
        // nothing is stored: without changesOnly a restart delivers the whole listing again
    }

    @Override
    public synchronized Listing open(ListQuery query, MapiqHttpClient client, Clock clock, Executor prefetch,
                                     int max) {
        budget = new PollBudget(max);
        deferred = false;
        completeListing = false;
        deliveredInPoll = 0;
        return query.open(client, query.isDateBounded() ? query.window(clock) : null, prefetch,
                RecordKeys.idField(resource));
    }

    /** One: the next page is parsed (its records bound) while the route works on the current one. */
    @Override
    public synchronized int pagesAhead() {
        return budget.limited() ? 0 : 1;
    }

    @Override
    public boolean deliversEveryRecord() {
        return true;
    }

    @Override
    public synchronized Change found(ListedRecord record) {
        if (!budget.limited()) {
            budget.spend();
            return new Change(record.key(RecordKeys.ID), null, record, null, null);
        }
        String id = RecordKeys.idOf(resource, record);
        if (deliveredInRound.contains(id)) {
            return null;
        }
        if (budget.spent()) {
            deferred = true;
            return null;
        }
        budget.spend();
        return new Change(id, null, record, null, null);
    }

    @Override
    public synchronized boolean wantsMore() {
        return !deferred;
    }

    @Override
    public synchronized Iterator<Change> afterCompleteListing() {
        completeListing = true;
        return Collections.emptyIterator();
    }

    @Override
    public synchronized boolean deferredChanges() {
        return deferred;
    }

    @Override
    public synchronized void delivered(Change change) {
        deliveredInPoll++;
        if (budget.limited()) {
            deliveredInRound.add(change.id());
        }
    }

    @Override
    public void notDelivered(Change change) {
        // it stays out of deliveredInRound, so it comes again
    }

    @Override
    public synchronized void pollFinished() {
        if (completeListing && !deferred && deliveredInPoll >= budget.sent()) {
            deliveredInRound.clear();
        }
    }
}
