package io.github.camelmapiq.benchmark;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.support.processor.state.MemoryStateRepository;

/**
 * Camel's in-memory state repository, telling how large the stored state is (all its keys: a snapshot state is a base
 * and the changes since it), how large the last value stored was, and how often a value was stored.
 */
final class SizedStateRepository extends MemoryStateRepository {

    private volatile long lastValueChars;
    private volatile int stores;
    private final Map<String, Integer> valueChars = new ConcurrentHashMap<>();

    @Override
    public void setState(String key, String value) {
        super.setState(key, value);
        lastValueChars = value == null ? 0 : value.length();
        valueChars.put(key, (int) lastValueChars);
        stores++;
    }

    long lastValueChars() {
        return lastValueChars;
    }

    long totalChars() {
        return valueChars.values().stream().mapToLong(Integer::longValue).sum();
    }

    int stores() {
        return stores;
    }
}
