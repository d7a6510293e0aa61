package io.github.camelmapiq.mapiq.consumer.change;

import java.util.List;
import java.util.Map;

import io.github.camelmapiq.mapiq.client.http.ListedRecord;
import io.github.camelmapiq.mapiq.consumer.state.StoredRecord;

/**
 * A page of a poll's listing, readied by its {@link ChangeTracker#prepare tracker} before any record of it is
 * delivered: its records and what the tracker's store holds of them (none for trackers that look nothing up).
 */
public record PreparedPage(List<ListedRecord> records, Map<String, StoredRecord> stored) {

    /** A page that needs nothing looked up. */
    public static PreparedPage of(List<ListedRecord> records) {
        return new PreparedPage(records, Map.of());
    }
}
