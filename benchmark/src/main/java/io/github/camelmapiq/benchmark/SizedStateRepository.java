package io.github.camelmapiq.benchmark;

import org.apache.camel.support.processor.state.MemoryStateRepository;

/** Camel's in-memory state repository, telling how large the stored state is and how often it was stored. */
final class SizedStateRepository extends MemoryStateRepository {

    private volatile long lastValueChars;
    private volatile int stores;

    @Override
    public void setState(String key, String value) {
        super.setState(key, value);
        lastValueChars = value == null ? 0 : value.length();
        stores++;
    }

    long lastValueChars() {
        return lastValueChars;
    }

    int stores() {
        return stores;
    }
}
