package io.github.camelmapiq.mapiq.consumer.state;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link SnapshotStore} in the heap: it survives stopping and starting a route, not the JVM. Useful to share state
 * between CamelContexts of one JVM, or in tests. (Without any store option a consumer keeps its state in memory
 * anyway, in a more compact form.)
 */
public class MemorySnapshotStore implements SnapshotStore {

    private final Map<String, Map<String, StoredRecord>> records = new ConcurrentHashMap<>();
    private final Map<String, String> values = new ConcurrentHashMap<>();

    @Override
    public void load(String key, Loader loader) {
        Map<String, StoredRecord> stored = records.get(key);
        if (stored != null) {
            synchronized (stored) {
                stored.values().forEach(loader::put);
            }
        }
    }

    @Override
    public void write(String key, Collection<StoredRecord> puts, Collection<String> removes) {
        Map<String, StoredRecord> stored = records.computeIfAbsent(key, k -> new LinkedHashMap<>());
        synchronized (stored) {
            removes.forEach(stored::remove);
            puts.forEach(record -> stored.put(record.id(), record));
        }
    }

    @Override
    public String getValue(String key) {
        return values.get(key);
    }

    @Override
    public void setValue(String key, String value) {
        values.put(key, value);
    }

    @Override
    public void startOver(String key) {
        records.remove(key);
        values.remove(key);
    }

    @Override
    public String describe(String key) {
        return "key '" + key + "' of a MemorySnapshotStore";
    }

    @Override
    public String toString() {
        return "MemorySnapshotStore";
    }
}
