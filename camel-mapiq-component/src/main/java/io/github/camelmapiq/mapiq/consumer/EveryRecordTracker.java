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
    /** Records of the last listing not delivered yet in this round. */
    private int candidates;
    private boolean capped;
    private boolean deferred;
    private int deliveredInPoll;

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
            // without a cap nothing is skipped, so the id is only read when the exchange is created
            String id = max > 0 ? RecordKeys.idOf(resource, record) : null;
            if (id != null && deliveredInRound.contains(id)) {
                return;
            }
            found[0]++;
            if (max <= 0 || changes.size() < max) {
                changes.add(Change.listed(id, null, record, mapper, changes.size(), null));
            }
        });
        candidates = found[0];
        deferred = candidates > changes.size();
        deliveredInPoll = 0;
        capped = max > 0;
        return changes;
    }

    @Override
    public synchronized boolean deferredChanges() {
        return deferred;
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
