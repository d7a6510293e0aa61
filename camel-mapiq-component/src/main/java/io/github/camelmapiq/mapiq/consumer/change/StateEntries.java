package io.github.camelmapiq.mapiq.consumer.change;

import java.time.LocalDate;

import io.github.camelmapiq.mapiq.MapiqResource;
import io.github.camelmapiq.mapiq.client.http.ListedRecord;
import io.github.camelmapiq.mapiq.consumer.state.PackedJson;
import io.github.camelmapiq.mapiq.consumer.state.RecordFingerprint;
import io.github.camelmapiq.mapiq.consumer.state.SnapshotIndex;
import io.github.camelmapiq.mapiq.consumer.state.StoredRecord;

/** What the snapshot state keeps of a record ({@link SnapshotIndex.Entry}), from a listed or a stored record. */
final class StateEntries {

    private StateEntries() {
    }

    /** What the state keeps of a listed record once it is delivered. */
    static SnapshotIndex.Entry of(MapiqResource resource, ListedRecord record, RecordFingerprint fingerprint,
                                  boolean keepBody) {
        LocalDate day = RecordKeys.dayOf(resource, record);
        return new SnapshotIndex.Entry(fingerprint.high(), fingerprint.low(),
                day == null ? SnapshotIndex.NO_DAY : (int) day.toEpochDay(),
                keepBody ? PackedJson.pack(record.page(), record.offset(), record.length()) : null);
    }

    /** What the state keeps of a stored record. */
    static SnapshotIndex.Entry of(StoredRecord record) {
        return new SnapshotIndex.Entry(record.fingerprintHigh(), record.fingerprintLow(), record.day(),
                record.packedBody());
    }
}
