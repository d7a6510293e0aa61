package io.github.camelmapiq.mapiq.consumer.state;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.service.ServiceSupport;

/**
 * The values of a {@link SnapshotStore} seen as a Camel {@link StateRepository}, so that the check-in events cursor
 * is written atomically into the same store as the snapshot state when no {@code stateRepository} is set.
 */
public final class SnapshotStoreAsStateRepository extends ServiceSupport implements StateRepository<String, String> {

    private final SnapshotStore store;

    public SnapshotStoreAsStateRepository(SnapshotStore store) {
        this.store = store;
    }

    SnapshotStore store() {
        return store;
    }

    @Override
    public void setState(String key, String value) {
        try {
            store.setValue(key, value);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new RuntimeCamelException("Cannot store the consumer state under " + store.describe(key), e);
        }
    }

    @Override
    public String getState(String key) {
        try {
            return store.getValue(key);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new RuntimeCamelException("Cannot read the consumer state under " + store.describe(key), e);
        }
    }
}
