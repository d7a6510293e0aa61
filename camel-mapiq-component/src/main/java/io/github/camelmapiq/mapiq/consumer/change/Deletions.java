package io.github.camelmapiq.mapiq.consumer.change;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import io.github.camelmapiq.mapiq.MapiqChangeType;
import io.github.camelmapiq.mapiq.consumer.state.SnapshotIndex;
import io.github.camelmapiq.mapiq.consumer.state.SnapshotStore;
import io.github.camelmapiq.mapiq.consumer.state.StoredRecord;
import org.apache.camel.RuntimeCamelException;

/**
 * The DELETED changes of a complete listing ({@link GoneRecords}), as long as the poll's {@link PollBudget} lasts, their
 * bodies read from the store a batch at a time when {@code deletedRecordBodies} keeps them.
 */
final class Deletions implements Iterator<Change> {

    /** Deleted records whose bodies are read from the store in one lookup. */
    private static final int BODY_BATCH = 500;

    private final List<StoredRecord> records;
    private final SnapshotStore store;
    private final String key;
    private final boolean keepBodies;
    private final PollBudget budget;
    private final Runnable deferring;
    private int next;
    private Map<String, StoredRecord> bodies = Map.of();
    /** The records before this index have their bodies in {@link #bodies} or looked up. */
    private int bodiesEnd;

    /** @param deferring told when the budget leaves deletions for the next poll */
    Deletions(List<StoredRecord> records, SnapshotStore store, String key, boolean keepBodies, PollBudget budget,
              Runnable deferring) {
        this.records = records;
        this.store = store;
        this.key = key;
        this.keepBodies = keepBodies;
        this.budget = budget;
        this.deferring = deferring;
    }

    @Override
    public boolean hasNext() {
        if (next < records.size() && budget.spent()) {
            deferring.run();
            return false;
        }
        return next < records.size();
    }

    @Override
    public Change next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        StoredRecord record = records.get(next++);
        SnapshotIndex.Entry entry = StateEntries.of(record);
        if (keepBodies && record.packedBody() == null) {
            if (next > bodiesEnd) {
                bodies = bodiesFrom(next - 1);
            }
            StoredRecord withBody = bodies.get(record.id());
            entry = withBody == null ? entry : StateEntries.of(withBody);
        }
        budget.spend();
        return new Change(record.id(), MapiqChangeType.DELETED, null, entry, null);
    }

    private Map<String, StoredRecord> bodiesFrom(int from) {
        List<String> ids = new ArrayList<>();
        for (bodiesEnd = from; bodiesEnd < records.size() && ids.size() < BODY_BATCH; bodiesEnd++) {
            ids.add(records.get(bodiesEnd).id());
        }
        try {
            return store.find(key, ids, true);
        } catch (Exception e) {
            throw new RuntimeCamelException("Cannot read the bodies of deleted records under " + store.describe(key),
                    e);
        }
    }
}
