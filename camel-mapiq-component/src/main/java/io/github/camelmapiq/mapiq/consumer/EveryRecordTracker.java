package io.github.camelmapiq.mapiq.consumer;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelmapiq.mapiq.MapiqResource;
import io.github.camelmapiq.mapiq.http.ListQuery;
import io.github.camelmapiq.mapiq.http.MapiqHttpClient;

/**
 * Without {@code changesOnly}, every poll delivers the whole listing. When {@code maxMessagesPerPoll} cuts a listing
 * short, the following polls continue where it stopped: the ids delivered in the current round are remembered (in
 * memory) and skipped until every record of the listing has been delivered once, then a new round begins.
 */
final class EveryRecordTracker implements ChangeTracker {

    private final MapiqResource resource;
    private final Set<String> deliveredInRound = new HashSet<>();
    private int candidates;
    private boolean capped;
    private int deliveredInPoll;
    private int collected;

    EveryRecordTracker(MapiqResource resource) {
        this.resource = resource;
    }

    @Override
    public void load() {
        // nothing is stored: without changesOnly a restart delivers the whole listing again
    }

    @Override
    public synchronized List<Change> collect(ListQuery query, MapiqHttpClient client, Clock clock, int max)
            throws Exception {
        List<Change> changes = new ArrayList<>();
        ObjectMapper mapper = client.mapper();
        int[] found = new int[1];
        query.run(client, clock, record -> {
            if (max > 0) {
                String id = RecordKeys.idOf(resource, record);
                if (deliveredInRound.contains(id)) {
                    return;
                }
                found[0]++;
                if (changes.size() < max) {
                    changes.add(Change.listed(id, null, record, mapper, changes.size(), null));
                }
            } else {
                found[0]++;
                changes.add(Change.listed(null, null, record, mapper, changes.size(), null)); // id read when sending
            }
        });
        candidates = found[0];
        collected = changes.size();
        deliveredInPoll = 0;
        capped = max > 0;
        return changes;
    }

    @Override
    public synchronized boolean deferredChanges() {
        return capped && candidates > collected;
    }

    @Override
    public synchronized void delivered(Change change) {
        deliveredInPoll++;
        if (capped) {
            deliveredInRound.add(change.id());
        }
    }

    @Override
    public void notDelivered(Change change) {
        // it stays out of deliveredInRound, so it comes again
    }

    @Override
    public synchronized void pollFinished() {
        if (deliveredInPoll >= candidates) {
            deliveredInRound.clear();
        }
    }
}
